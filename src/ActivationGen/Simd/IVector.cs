using System.ComponentModel;
using System.Numerics;

namespace ActivationGen.Simd;

/// <summary>
/// A fixed-width vector of <typeparamref name="T"/> that generated kernels and the vector math are written
/// against once; the JIT specializes each generic kernel for every implementation (one lane, 128, 256 and
/// 512 bits), so the same source runs at the widest accelerated width.
/// </summary>
/// <remarks>
/// Masks are vectors whose lanes are all-ones (true) or all-zeros (false), as produced by the comparisons.
/// This type is public only because generated code in user assemblies calls it.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVector<TSelf, T>
    where TSelf : struct, IVector<TSelf, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Number of lanes.</summary>
    static abstract int Count { get; }

    /// <summary>True when this width runs on hardware vector instructions.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Lane indices 0, 1, 2, … as values of <typeparamref name="T"/>.</summary>
    static abstract TSelf Indices { get; }

    /// <summary>Broadcasts <paramref name="value"/> to every lane.</summary>
    static abstract TSelf Create(T value);

    /// <summary>Loads <see cref="Count"/> elements starting at <paramref name="source"/> + <paramref name="index"/>.</summary>
    static abstract TSelf LoadUnsafe(ref readonly T source, nuint index);

    /// <summary>Stores every lane starting at <paramref name="destination"/> + <paramref name="index"/>.</summary>
    static abstract void StoreUnsafe(TSelf value, ref T destination, nuint index);

    /// <summary>
    /// Stores like <see cref="StoreUnsafe"/>, past the caches (a non-temporal store) where the destination is aligned
    /// to the vector's size and the hardware has such a store; an ordinary store elsewhere, so any address is safe.
    /// </summary>
    static abstract void StoreNonTemporalUnsafe(TSelf value, ref T destination, nuint index);

    /// <summary>Sum of the lanes.</summary>
    static abstract T Sum(TSelf value);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf operator +(TSelf left, TSelf right);
    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf operator -(TSelf left, TSelf right);
    /// <summary>Lane-wise product.</summary>
    static abstract TSelf operator *(TSelf left, TSelf right);
    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf operator /(TSelf left, TSelf right);
    /// <summary>Lane-wise negation.</summary>
    static abstract TSelf operator -(TSelf value);

    /// <summary>left * right + addend, fused where the hardware has it.</summary>
    static abstract TSelf MultiplyAdd(TSelf left, TSelf right, TSelf addend);

    /// <summary>Mask of lanes where left == right (false where either is NaN).</summary>
    static abstract TSelf Equal(TSelf left, TSelf right);
    /// <summary>Mask of lanes where left != right (true where either is NaN).</summary>
    static abstract TSelf NotEqual(TSelf left, TSelf right);
    /// <summary>Mask of lanes where left &lt; right.</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);
    /// <summary>Mask of lanes where left &lt;= right.</summary>
    static abstract TSelf LessThanOrEqual(TSelf left, TSelf right);
    /// <summary>Mask of lanes where left &gt; right.</summary>
    static abstract TSelf GreaterThan(TSelf left, TSelf right);
    /// <summary>Mask of lanes where left &gt;= right.</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary>Bitwise and (of masks: both true).</summary>
    static abstract TSelf And(TSelf left, TSelf right);
    /// <summary>Bitwise or (of masks: either true).</summary>
    static abstract TSelf Or(TSelf left, TSelf right);
    /// <summary>left and not right, bitwise.</summary>
    static abstract TSelf AndNot(TSelf left, TSelf right);
    /// <summary>Bitwise complement (of a mask: its negation).</summary>
    static abstract TSelf Not(TSelf mask);

    /// <summary>Per lane: <paramref name="mask"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/>.</summary>
    static abstract TSelf ConditionalSelect(TSelf mask, TSelf whenTrue, TSelf whenFalse);
}
