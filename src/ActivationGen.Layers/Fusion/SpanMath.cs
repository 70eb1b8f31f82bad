using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActivationGen.Layers;

/// <summary>Sums and in-place adds over spans of <see cref="float"/> or <see cref="double"/>, vectorized with <see cref="Vector{T}"/>.</summary>
internal static class SpanMath
{
    /// <summary>target[i] += source[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInPlace<T>(Span<T> target, ReadOnlySpan<T> source)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<T>.Count)
        {
            Span<Vector<T>> wide = MemoryMarshal.Cast<T, Vector<T>>(target);
            ReadOnlySpan<Vector<T>> addend = MemoryMarshal.Cast<T, Vector<T>>(source[..target.Length]);
            for (int v = 0; v < wide.Length; v++)
                wide[v] += addend[v];
            i = wide.Length * Vector<T>.Count;
        }
        for (; i < target.Length; i++)
            target[i] += source[i];
    }

    /// <summary>Σ values[i], in vector lanes then across them.</summary>
    public static T Sum<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> wide = MemoryMarshal.Cast<T, Vector<T>>(values);
            Vector<T> lanes = Vector<T>.Zero;
            for (int v = 0; v < wide.Length; v++)
                lanes += wide[v];
            sum = Vector.Sum(lanes);
            i = wide.Length * Vector<T>.Count;
        }
        for (; i < values.Length; i++)
            sum += values[i];
        return sum;
    }

    /// <summary>Σ left[i]·right[i], in vector lanes then across them.</summary>
    public static T Dot<T>(ReadOnlySpan<T> left, ReadOnlySpan<T> right)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        right = right[..left.Length];
        if (Vector.IsHardwareAccelerated && left.Length >= 2 * Vector<T>.Count)
        {
            ReadOnlySpan<Vector<T>> a = MemoryMarshal.Cast<T, Vector<T>>(left), b = MemoryMarshal.Cast<T, Vector<T>>(right);
            Vector<T> even = Vector<T>.Zero, odd = Vector<T>.Zero; // two chains hide the add latency
            int v = 0;
            for (; v + 1 < a.Length; v += 2)
            {
                even += a[v] * b[v];
                odd += a[v + 1] * b[v + 1];
            }
            if (v < a.Length)
                even += a[v] * b[v];
            sum = Vector.Sum(even + odd);
            i = a.Length * Vector<T>.Count;
        }
        for (; i < left.Length; i++)
            sum += left[i] * right[i];
        return sum;
    }

    /// <summary>
    /// c[i, j] += Σ_p a[i, p]·b[j, p] for a [m, k] and b [n, k]: one dot product per result, which beats a blocked
    /// product when m·n is small and k long (a first convolution's weight gradient: 16×9 results over 2,048 positions).
    /// </summary>
    public static void AddProductsTransposed<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<T> row = a.Slice(i * k, k);
            for (int j = 0; j < n; j++)
                c[i * n + j] += Dot(row, b.Slice(j * k, k));
        }
    }
}
