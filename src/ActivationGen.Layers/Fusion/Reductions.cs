using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>The bias gradients' reductions (small next to the products, so plain loops).</summary>
internal static class Reductions
{
    /// <summary>sums[c] += Σ_r values[r, c] over a [rows, columns] matrix.</summary>
    public static void AddColumnSums<T>(ReadOnlySpan<T> values, Span<T> sums, int rows, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<T> line = values.Slice(row * columns, columns);
            for (int column = 0; column < columns; column++)
                sums[column] += line[column];
        }
    }

    /// <summary>sums[r] += Σ_c values[r, c] over a [rows, columns] matrix.</summary>
    public static void AddRowSums<T>(ReadOnlySpan<T> values, Span<T> sums, int rows, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int row = 0; row < rows; row++)
        {
            T sum = T.Zero;
            foreach (T value in values.Slice(row * columns, columns))
                sum += value;
            sums[row] += sum;
        }
    }
}
