using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ActivationGen.Layers;

/// <summary>
/// Row softmax in place, its backward, and row log-softmax, for any element type: the catalog's stable, vectorized
/// <see cref="Activations.Softmax(ReadOnlySpan{float}, Span{float}, int)"/> (and <c>LogSoftmax</c>) for
/// <see cref="float"/>; the same max-shifted form in plain generic math for <see cref="double"/> (the catalog is
/// float), where it serves as the exact reference of gradient checks.
/// </summary>
internal static class StableSoftmax
{
    public static void Rows<T>(Span<T> values, int rowLength)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Span<float> rows = MemoryMarshal.Cast<T, float>(values);
            Activations.Softmax(rows, rows, rowLength);
            return;
        }
        for (int start = 0; start < values.Length; start += rowLength)
        {
            Span<T> row = values.Slice(start, rowLength);
            T max = Max<T>(row);
            T sum = T.Zero;
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = T.Exp(row[i] - max);
                sum += row[i];
            }
            for (int i = 0; i < row.Length; i++)
                row[i] /= sum;
        }
    }

    /// <summary>dx = y ⊙ (dy − Σ dy·y) per row, written over <paramref name="gradient"/> (dy in, dx out).</summary>
    public static void Backward<T>(ReadOnlySpan<T> output, Span<T> gradient, int rowLength)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Span<float> rows = MemoryMarshal.Cast<T, float>(gradient);
            Activations.SoftmaxBackward(MemoryMarshal.Cast<T, float>(output), rows, rows, rowLength);
            return;
        }
        for (int start = 0; start < output.Length; start += rowLength)
        {
            ReadOnlySpan<T> y = output.Slice(start, rowLength);
            Span<T> dy = gradient.Slice(start, rowLength);
            T dot = T.Zero;
            for (int i = 0; i < y.Length; i++)
                dot += y[i] * dy[i];
            for (int i = 0; i < y.Length; i++)
                dy[i] = y[i] * (dy[i] - dot);
        }
    }

    /// <summary>y = x − max − log Σ exp(x − max) per row.</summary>
    public static void LogRows<T>(ReadOnlySpan<T> x, Span<T> y, int rowLength)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            Activations.LogSoftmax(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), rowLength);
            return;
        }
        for (int start = 0; start < x.Length; start += rowLength)
        {
            ReadOnlySpan<T> row = x.Slice(start, rowLength);
            T max = Max(row);
            T sum = T.Zero;
            foreach (T value in row)
                sum += T.Exp(value - max);
            T shift = max + T.Log(sum);
            for (int j = 0; j < rowLength; j++)
                y[start + j] = row[j] - shift;
        }
    }

    private static T Max<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        T max = row[0];
        foreach (T value in row)
            max = T.Max(max, value);
        return max;
    }
}
