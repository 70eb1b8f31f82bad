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
}
