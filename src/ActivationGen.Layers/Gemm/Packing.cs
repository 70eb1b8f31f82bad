using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// Copies blocks of the operands into the order the micro-kernel reads them: A as panels of MR rows, each
/// step of k holding MR consecutive values; B as panels of NR columns, each step of k holding NR consecutive
/// values. Panels past the edge of the matrix are padded with zeros, so the kernel always runs a full tile.
/// Transposition is handled here and nowhere else.
/// </summary>
internal static class Packing<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>Packs rows [row, row + rows) and depths [depth, depth + depths) of op(A).</summary>
    public static void PackA(ref readonly T a, nint lda, bool transposed, int row, int rows, int depth, int depths, ref T packed)
    {
        int mr = Blocking<T, TVector>.Rows;
        for (int panel = 0; panel < rows; panel += mr)
        {
            int height = Math.Min(mr, rows - panel);
            ref T destination = ref Unsafe.Add(ref packed, (nint)panel * depths);
            if (transposed)
            {
                // A is stored k×m: the MR values of one step of k are already adjacent.
                ref T source = ref Unsafe.Add(ref Unsafe.AsRef(in a), (nint)depth * lda + row + panel);
                for (int p = 0; p < depths; p++)
                {
                    ref T from = ref Unsafe.Add(ref source, p * lda);
                    ref T to = ref Unsafe.Add(ref destination, (nint)p * mr);
                    if (height == mr)
                    {
                        // MR is a constant to the JIT, so this copy becomes a few vector moves.
                        Unsafe.CopyBlockUnaligned(ref Unsafe.As<T, byte>(ref to), ref Unsafe.As<T, byte>(ref from), (uint)(mr * Unsafe.SizeOf<T>()));
                        continue;
                    }
                    MemoryMarshal.CreateReadOnlySpan(ref from, height).CopyTo(MemoryMarshal.CreateSpan(ref to, height));
                    MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, height), mr - height).Clear();
                }
            }
            else
            {
                // A is stored m×k: read each row forward, write it with stride MR (in small transposed blocks where it can).
                ref T first = ref Unsafe.Add(ref Unsafe.AsRef(in a), (row + panel) * lda + depth);
                TransposeLines(ref first, lda, height, mr, depths, ref destination);
            }
        }
    }

    /// <summary>Packs depths [depth, depth + depths) and columns [column, column + columns) of op(B).</summary>
    public static void PackB(ref readonly T b, nint ldb, bool transposed, int depth, int depths, int column, int columns, ref T packed)
    {
        int nr = Blocking<T, TVector>.Columns;
        for (int panel = 0; panel < columns; panel += nr)
        {
            int width = Math.Min(nr, columns - panel);
            ref T destination = ref Unsafe.Add(ref packed, (nint)panel * depths);
            if (transposed)
            {
                // B is stored n×k: read each column of op(B) forward, write it with stride NR (the same transposition as A's).
                ref T first = ref Unsafe.Add(ref Unsafe.AsRef(in b), (column + panel) * ldb + depth);
                TransposeLines(ref first, ldb, width, nr, depths, ref destination);
            }
            else
            {
                // B is stored k×n: the NR values of one step of k are adjacent, two vectors when the panel is full.
                ref T source = ref Unsafe.Add(ref Unsafe.AsRef(in b), (nint)depth * ldb + column + panel);
                for (int p = 0; p < depths; p++)
                {
                    ref T from = ref Unsafe.Add(ref source, p * ldb);
                    ref T to = ref Unsafe.Add(ref destination, (nint)p * nr);
                    if (width == nr)
                    {
                        TVector.StoreUnsafe(TVector.LoadUnsafe(ref from, 0), ref to, 0);
                        TVector.StoreUnsafe(TVector.LoadUnsafe(ref from, (nuint)TVector.Count), ref to, (nuint)TVector.Count);
                    }
                    else
                    {
                        MemoryMarshal.CreateReadOnlySpan(ref from, width).CopyTo(MemoryMarshal.CreateSpan(ref to, width));
                        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref to, width), nr - width).Clear();
                    }
                }
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="lines"/> lines of the source (each read forward, <paramref name="stride"/> apart) as the
    /// first values of each step of a panel <paramref name="width"/> values wide, and zeros in the rest of each step.
    /// </summary>
    private static void TransposeLines(ref T source, nint stride, int lines, int width, int depths, ref T destination)
    {
        int done = PanelTranspose<T>.Pack(ref source, stride, lines, width, depths, ref destination);
        int paired = done > 0 ? lines & ~1 : 0;
        for (int r = paired; r < lines; r++)
            for (int p = 0; p < done; p++)
                Unsafe.Add(ref destination, (nint)p * width + r) = Unsafe.Add(ref source, r * stride + p);
        for (int r = 0; r < lines; r++)
        {
            ref T from = ref Unsafe.Add(ref source, r * stride);
            for (int p = done; p < depths; p++)
                Unsafe.Add(ref destination, (nint)p * width + r) = Unsafe.Add(ref from, p);
        }
        if (lines < width)
            for (int p = 0; p < depths; p++)
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref destination, (nint)p * width + lines), width - lines).Clear();
    }
}
