using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Layers;

/// <summary>
/// Packs a full panel whose lines are read forward and written with a stride (MR rows of a row-major A, NR columns
/// of a transposed B) by transposing 4×4 blocks of floats or 2×2 blocks of doubles in SSE registers, instead of
/// storing one value at a time: packing A this way was the largest cost outside the micro-kernel (a tenth of a 256³
/// product, now a fiftieth).
/// </summary>
internal static class PanelTranspose<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>
    /// Packs steps [0, returned) of the first <paramref name="lines"/> (rounded down to even) lines starting at
    /// <paramref name="source"/> (line stride <paramref name="lda"/>) into <paramref name="destination"/>
    /// (<paramref name="rows"/> values per step); the caller packs the rest, and an odd last line.
    /// </summary>
    public static int Pack(ref T source, nint lda, int lines, int rows, int depths, ref T destination)
    {
        lines &= ~1;
        if (lines == 0)
            return 0;
        if (typeof(T) == typeof(float) && Sse.IsSupported)
            return PackSingle(ref Unsafe.As<T, float>(ref source), lda, lines, rows, depths, ref Unsafe.As<T, float>(ref destination));
        if (typeof(T) == typeof(double) && Sse2.IsSupported)
            return PackDouble(ref Unsafe.As<T, double>(ref source), lda, lines, rows, depths, ref Unsafe.As<T, double>(ref destination));
        return 0;
    }

    private static int PackSingle(ref float source, nint lda, int lines, int rows, int depths, ref float destination)
    {
        int end = depths & ~3;
        for (int p = 0; p < end; p += 4)
        {
            ref float to = ref Unsafe.Add(ref destination, (nint)p * rows);
            int r = 0;
            for (; r + 4 <= lines; r += 4)
            {
                ref float from = ref Unsafe.Add(ref source, r * lda + p);
                Vector128<float> r0 = Vector128.LoadUnsafe(ref from), r1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref from, lda));
                Vector128<float> r2 = Vector128.LoadUnsafe(ref Unsafe.Add(ref from, 2 * lda)), r3 = Vector128.LoadUnsafe(ref Unsafe.Add(ref from, 3 * lda));
                Vector128<float> low01 = Sse.UnpackLow(r0, r1), low23 = Sse.UnpackLow(r2, r3);
                Vector128<float> high01 = Sse.UnpackHigh(r0, r1), high23 = Sse.UnpackHigh(r2, r3);
                Sse.MoveLowToHigh(low01, low23).StoreUnsafe(ref to, (nuint)r);
                Sse.MoveHighToLow(low23, low01).StoreUnsafe(ref to, (nuint)(rows + r));
                Sse.MoveLowToHigh(high01, high23).StoreUnsafe(ref to, (nuint)(2 * rows + r));
                Sse.MoveHighToLow(high23, high01).StoreUnsafe(ref to, (nuint)(3 * rows + r));
            }
            if (r < lines)
            {
                // Two lines left (MR = 6, or a partial panel): each unpack holds two steps of the pair.
                ref float from = ref Unsafe.Add(ref source, r * lda + p);
                Vector128<float> r0 = Vector128.LoadUnsafe(ref from), r1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref from, lda));
                Vector128<double> low = Sse.UnpackLow(r0, r1).AsDouble(), high = Sse.UnpackHigh(r0, r1).AsDouble();
                Unsafe.As<float, double>(ref Unsafe.Add(ref to, r)) = low.ToScalar();
                Unsafe.As<float, double>(ref Unsafe.Add(ref to, rows + r)) = low.GetElement(1);
                Unsafe.As<float, double>(ref Unsafe.Add(ref to, 2 * rows + r)) = high.ToScalar();
                Unsafe.As<float, double>(ref Unsafe.Add(ref to, 3 * rows + r)) = high.GetElement(1);
            }
        }
        return end;
    }

    private static int PackDouble(ref double source, nint lda, int lines, int rows, int depths, ref double destination)
    {
        int end = depths & ~1;
        for (int p = 0; p < end; p += 2)
        {
            ref double to = ref Unsafe.Add(ref destination, (nint)p * rows);
            for (int r = 0; r < lines; r += 2)
            {
                ref double from = ref Unsafe.Add(ref source, r * lda + p);
                Vector128<double> r0 = Vector128.LoadUnsafe(ref from), r1 = Vector128.LoadUnsafe(ref Unsafe.Add(ref from, lda));
                Sse2.UnpackLow(r0, r1).StoreUnsafe(ref to, (nuint)r);
                Sse2.UnpackHigh(r0, r1).StoreUnsafe(ref to, (nuint)(rows + r));
            }
        }
        return end;
    }
}
