using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Simd;

/// <summary>Per-lane scalar evaluation, for lanes the vector algorithms leave to the scalar library (rare inputs).</summary>
internal static unsafe class Lanes
{
    // The lanes of the widest vector type, a pair of 512-bit vectors of float.
    private const int MostLanes = 32;

    /// <summary>Room for <see cref="MostLanes"/> lanes; an inline array keeps callers inlinable, unlike stackalloc.</summary>
    [InlineArray(MostLanes)]
    private struct Buffer<T>
    {
        private T _element;
    }

    /// <summary>The start of <paramref name="buffer"/>, after checking that a <typeparamref name="TV"/> fits it (folded away: TV.Count is a JIT-time constant).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Start<TV, T>(ref Buffer<T> buffer)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (TV.Count > MostLanes)
            throw new System.InvalidOperationException($"ActivationGen internal error: {typeof(TV).Name} has more lanes than Lanes' buffer");
        return ref Unsafe.As<Buffer<T>, T>(ref buffer);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Map<TV, T>(TV x, delegate*<T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Buffer<T> buffer = default;
        ref T start = ref Start<TV, T>(ref buffer);
        TV.StoreUnsafe(x, ref start, 0);
        for (int i = 0; i < TV.Count; i++)
        {
            Unsafe.Add(ref start, i) = f(Unsafe.Add(ref start, i));
        }
        return TV.LoadUnsafe(ref start, 0);
    }

    /// <summary>Replaces only the lanes selected by <paramref name="mask"/> with <paramref name="f"/> of <paramref name="x"/>.</summary>
    /// <remarks>
    /// Out of line, as the other MapWhere: its callers take it on rare inputs inside a kernel's loop, and inlined,
    /// its loop of calls made the register allocator keep the kernel's live vectors on the stack throughout the hot
    /// path. Snake backward on AVX-512: 59 stack references in its span loop's code, 32 out of line. The 32 that remain
    /// make its speed depend on the stack's alignment at entry: called from frames 16·k bytes deeper (tiering off, one
    /// process), 0.46 ns/element in L1 where k is a multiple of 4 and 0.62–0.68 otherwise.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
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
        ref T sx = ref Start<TV, T>(ref bx);
        ref T sy = ref Start<TV, T>(ref by);
        TV.StoreUnsafe(x, ref sx, 0);
        TV.StoreUnsafe(y, ref sy, 0);
        for (int i = 0; i < TV.Count; i++)
        {
            Unsafe.Add(ref sx, i) = f(Unsafe.Add(ref sx, i), Unsafe.Add(ref sy, i));
        }
        return TV.LoadUnsafe(ref sx, 0);
    }

    /// <summary>Per lane, table[bits &amp; 15] with bits that lane's bit pattern as an integer (see <see cref="IVectorBits{TSelf, T}.LookupSixteen"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV LookupSixteen<TV, T>(Vector512<float> table, TV indexBits)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Buffer<T> buffer = default;
        ref T start = ref Start<TV, T>(ref buffer);
        TV.StoreUnsafe(indexBits, ref start, 0);
        for (int i = 0; i < TV.Count; i++)
        {
            ref T lane = ref Unsafe.Add(ref start, i);
            // The low bits of a float lane are those of its int view, of a double lane those of its long view.
            lane = T.CreateTruncating(table.GetElement(Unsafe.As<T, int>(ref lane) & 15));
        }
        return TV.LoadUnsafe(ref start, 0);
    }

    /// <summary>Replaces only the lanes selected by <paramref name="mask"/> with <paramref name="f"/> of the operands (out of line: see the other MapWhere).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TV MapWhere<TV, T>(TV mask, TV x, TV y, TV result, delegate*<T, T, T> f)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => TV.ConditionalSelect(mask, Map(x, y, f), result);
}
