using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

/// <summary>Per-lane scalar evaluation, for lanes the vector algorithms leave to the scalar library (rare inputs).</summary>
internal static unsafe class Lanes
{
    /// <summary>Room for the lanes of the widest vector (16 floats); an inline array keeps callers inlinable, unlike stackalloc.</summary>
    [InlineArray(16)]
    private struct Buffer<T>
    {
        private T _element;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Map<TV, T>(TV x, delegate*<T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Buffer<T> buffer = default;
        ref T start = ref Unsafe.As<Buffer<T>, T>(ref buffer);
        TV.StoreUnsafe(x, ref start, 0);
        for (int i = 0; i < TV.Count; i++)
        {
            Unsafe.Add(ref start, i) = f(Unsafe.Add(ref start, i));
        }
        return TV.LoadUnsafe(ref start, 0);
    }

    /// <summary>Replaces only the lanes selected by <paramref name="mask"/> with <paramref name="f"/> of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV MapWhere<TV, T>(TV mask, TV x, TV result, delegate*<T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => TV.ConditionalSelect(mask, Map(x, f), result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Map<TV, T>(TV x, TV y, delegate*<T, T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Buffer<T> bx = default, by = default;
        ref T sx = ref Unsafe.As<Buffer<T>, T>(ref bx);
        ref T sy = ref Unsafe.As<Buffer<T>, T>(ref by);
        TV.StoreUnsafe(x, ref sx, 0);
        TV.StoreUnsafe(y, ref sy, 0);
        for (int i = 0; i < TV.Count; i++)
        {
            Unsafe.Add(ref sx, i) = f(Unsafe.Add(ref sx, i), Unsafe.Add(ref sy, i));
        }
        return TV.LoadUnsafe(ref sx, 0);
    }

    /// <summary>Replaces only the lanes selected by <paramref name="mask"/> with <paramref name="f"/> of the operands.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV MapWhere<TV, T>(TV mask, TV x, TV y, TV result, delegate*<T, T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => TV.ConditionalSelect(mask, Map(x, y, f), result);
}
