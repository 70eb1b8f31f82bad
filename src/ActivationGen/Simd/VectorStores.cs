using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

/// <summary>
/// How a generated span loop stores its vectors, chosen by type so that the JIT compiles each loop once per way
/// with no test inside it. Public only because generated code in user assemblies names it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVectorStore
{
    /// <summary>Stores every lane of <paramref name="value"/> at <paramref name="destination"/> + <paramref name="index"/>.</summary>
    static abstract void Store<TV, T>(TV value, ref T destination, nuint index)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>;
}

/// <summary>Ordinary stores, which leave the output in the caches for whatever reads it next.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct CachedStore : IVectorStore
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TV, T>(TV value, ref T destination, nuint index)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        TV.StoreUnsafe(value, ref destination, index);
}

/// <summary>Stores past the caches (see <see cref="NonTemporalStores"/>), for outputs too large to stay in them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct NonTemporalStore : IVectorStore
{
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<TV, T>(TV value, ref T destination, nuint index)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T> =>
        TV.StoreNonTemporalUnsafe(value, ref destination, index);
}
