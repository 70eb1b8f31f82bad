using System;
using System.Numerics;
using System.Runtime.CompilerServices;
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
                    for (int r = 0; r < height; r++)
                        Unsafe.Add(ref to, r) = Unsafe.Add(ref from, r);
                    for (int r = height; r < mr; r++)
                        Unsafe.Add(ref to, r) = T.Zero;
                }
            }
            else
            {
                // A is stored m×k: read each row forward, write it with stride MR (in small transposed blocks where it can).
                ref T first = ref Unsafe.Add(ref Unsafe.AsRef(in a), (row + panel) * lda + depth);
                int done = height == mr ? PanelTranspose<T>.Pack(ref first, lda, mr, depths, ref destination) : 0;
                for (int r = 0; r < height; r++)
                {
                    ref T from = ref Unsafe.Add(ref first, r * lda);
                    ref T to = ref Unsafe.Add(ref destination, r);
                    for (int p = done; p < depths; p++)
                        Unsafe.Add(ref to, (nint)p * mr) = Unsafe.Add(ref from, p);
                }
                for (int r = height; r < mr; r++)
                    for (int p = 0; p < depths; p++)
                        Unsafe.Add(ref destination, (nint)p * mr + r) = T.Zero;
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
                int done = width == nr ? PanelTranspose<T>.Pack(ref first, ldb, nr, depths, ref destination) : 0;
                for (int j = 0; j < width; j++)
                {
                    ref T from = ref Unsafe.Add(ref first, j * ldb);
                    ref T to = ref Unsafe.Add(ref destination, j);
                    for (int p = done; p < depths; p++)
                        Unsafe.Add(ref to, (nint)p * nr) = Unsafe.Add(ref from, p);
                }
                for (int j = width; j < nr; j++)
                    for (int p = 0; p < depths; p++)
                        Unsafe.Add(ref destination, (nint)p * nr + j) = T.Zero;
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
                        for (int j = 0; j < width; j++)
                            Unsafe.Add(ref to, j) = Unsafe.Add(ref from, j);
                        for (int j = width; j < nr; j++)
                            Unsafe.Add(ref to, j) = T.Zero;
                    }
                }
            }
        }
    }
}
