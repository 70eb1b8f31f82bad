using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>The bias gradients' reductions.</summary>
internal static class Reductions
{
    /// <summary>sums[c] += Σ_r values[r, c] over a [rows, columns] matrix.</summary>
    public static void AddColumnSums<T>(ReadOnlySpan<T> values, Span<T> sums, int rows, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int row = 0; row < rows; row++)
            SpanMath.AddInPlace(sums[..columns], values.Slice(row * columns, columns));
    }

    /// <summary>sums[r] += Σ_c values[r, c] over a [rows, columns] matrix.</summary>
    public static void AddRowSums<T>(ReadOnlySpan<T> values, Span<T> sums, int rows, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int row = 0; row < rows; row++)
            sums[row] += SpanMath.Sum(values.Slice(row * columns, columns));
    }
}
