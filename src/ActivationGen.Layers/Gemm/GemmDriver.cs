using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The five loops around the micro-kernel (Goto's algorithm, as BLIS structures it) over one rectangle of C:
/// columns in blocks of NC, depth in blocks of KC (pack B), rows in blocks of MC (pack A), then NR×MR tiles; on the
/// last block of k, the epilogue's <see cref="IGemmEpilogue{T}.Finish"/> after each MC×NR panel of tiles.
/// </summary>
internal static class GemmDriver<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>Computes rows [rowStart, rowEnd) and columns [columnStart, columnEnd) of C.</summary>
    public static void Run<TEpilogue>(scoped in Operands<T> operands, int rowStart, int rowEnd, int columnStart, int columnEnd, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        int m = rowEnd - rowStart, n = columnEnd - columnStart, k = operands.K;
        if (m <= 0 || n <= 0)
            return;
        if (k == 0)
        {
            EpilogueOnly(operands, rowStart, rowEnd, columnStart, columnEnd, ref epilogue);
            return;
        }

        int mr = Blocking<T, TVector>.Rows, nr = Blocking<T, TVector>.Columns;
        int kcMax = Math.Min(Blocking<T, TVector>.Depth, k);
        int mcMax = Math.Min(Blocking<T, TVector>.RowBlock, RoundUp(m, mr));
        int ncMax = Math.Min(Blocking<T, TVector>.ColumnBlock, RoundUp(n, nr));
        Workspace<T>.Get(mcMax * kcMax, kcMax * ncMax, mr * nr, out Span<T> packedA, out Span<T> packedB, out Span<T> tile);

        ref T a = ref MemoryMarshal.GetReference(operands.A);
        ref T b = ref MemoryMarshal.GetReference(operands.B);
        ref T c = ref MemoryMarshal.GetReference(operands.C);
        nint ldc = operands.LeadingC;
        for (int jc = columnStart; jc < columnEnd; jc += ncMax)
        {
            int nc = Math.Min(ncMax, columnEnd - jc);
            for (int pc = 0; pc < k; pc += kcMax)
            {
                int kc = Math.Min(kcMax, k - pc);
                bool add = operands.Accumulate || pc > 0;
                bool apply = pc + kc == k;
                Packing<T, TVector>.PackB(in b, operands.LeadingB, operands.TransposeB, pc, kc, jc, nc, ref MemoryMarshal.GetReference(packedB));
                for (int ic = rowStart; ic < rowEnd; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, rowEnd - ic);
                    Packing<T, TVector>.PackA(in a, operands.LeadingA, operands.TransposeA, ic, mc, pc, kc, ref MemoryMarshal.GetReference(packedA));
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int width = Math.Min(nr, nc - jr);
                        ref T panelB = ref packedB[jr * kc];
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int height = Math.Min(mr, mc - ir);
                            ref T panelA = ref packedA[ir * kc];
                            int row = ic + ir, column = jc + jr;
                            ref T target = ref Unsafe.Add(ref c, row * ldc + column);
                            if (height == mr && width == nr)
                            {
                                Kernel(ref panelA, ref panelB, kc, ref target, ldc, add, apply, row, column, ref epilogue);
                            }
                            else
                            {
                                // An edge tile: the kernel fills a full tile aside, and only the real part reaches C.
                                ref T aside = ref MemoryMarshal.GetReference(tile);
                                Kernel(ref panelA, ref panelB, kc, ref aside, nr, add: false, apply: false, row, column, ref epilogue);
                                for (int r = 0; r < height; r++)
                                    TileWriter<T, TVector>.WriteRow(ref Unsafe.Add(ref aside, r * nr), false, ref Unsafe.Add(ref target, r * ldc),
                                        width, add, apply, row + r, column, ref epilogue);
                            }
                        }
                        // The panel of tiles just written, [mc × width], is still in cache.
                        if (apply)
                            epilogue.Finish(ref Unsafe.Add(ref c, ic * ldc + jc + jr), ldc, ic, mc, jc + jr, width);
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel<TEpilogue>(ref T a, ref T b, int depths, ref T c, nint ldc, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        if (Blocking<T, TVector>.IsWide)
            MicroKernel8<T, TVector>.Run(ref a, ref b, depths, ref c, ldc, add, apply, row, column, ref epilogue);
        else
            MicroKernel6<T, TVector>.Run(ref a, ref b, depths, ref c, ldc, add, apply, row, column, ref epilogue);
    }

    /// <summary>k = 0: the product is zero, so C becomes the epilogue of C (accumulating) or of zero.</summary>
    private static void EpilogueOnly<TEpilogue>(scoped in Operands<T> operands, int rowStart, int rowEnd, int columnStart, int columnEnd, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        ref T c = ref MemoryMarshal.GetReference(operands.C);
        T zero = T.Zero;
        for (int row = rowStart; row < rowEnd; row++)
            TileWriter<T, TVector>.WriteRow(ref zero, true, ref Unsafe.Add(ref c, (nint)row * operands.LeadingC + columnStart),
                columnEnd - columnStart, operands.Accumulate, apply: true, row, columnStart, ref epilogue);
        epilogue.Finish(ref Unsafe.Add(ref c, (nint)rowStart * operands.LeadingC + columnStart), operands.LeadingC,
            rowStart, rowEnd - rowStart, columnStart, columnEnd - columnStart);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
