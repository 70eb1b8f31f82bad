using System;
using System.Numerics;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

// Channels-first planes, channel by channel: every plane of the channel at the widest accelerated width, then the
// planes' tails at narrower widths down to one lane (the tail is at the same place in every plane), so that the
// channel's trainables are broadcast, and its sums set up and flushed, once per width rather than once per plane.
public static partial class PerChannel
{
    private static void ForwardPlanesOf<TAct, T>(TAct activation, ReadOnlySpan<T> x, Span<T> y, int n, int channels, int plane, ReadOnlySpan<T> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<T> q = stackalloc T[TAct.TrainableCount];
        for (int c = 0; c < channels; c++)
        {
            for (int j = 0; j < q.Length; j++)
                q[j] = trainables[j * channels + c];
            int p = 0;
            if (Vec512<T>.IsHardwareAccelerated)
                p = ForwardChannel<TAct, T, Vec512<T>>(activation, x, y, n, channels, plane, c, q, p);
            if (Vec256<T>.IsHardwareAccelerated)
                p = ForwardChannel<TAct, T, Vec256<T>>(activation, x, y, n, channels, plane, c, q, p);
            if (Vec128<T>.IsHardwareAccelerated)
                p = ForwardChannel<TAct, T, Vec128<T>>(activation, x, y, n, channels, plane, c, q, p);
            ForwardChannel<TAct, T, Vec1<T>>(activation, x, y, n, channels, plane, c, q, p);
        }
    }

    private static void BackwardPlanesOf<TAct, T>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int n, int channels, int plane, ReadOnlySpan<T> trainables, Span<T> trainableGradients)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int count = TAct.TrainableCount;
        bool summing = count > 0 && !trainableGradients.IsEmpty;
        Span<T> q = stackalloc T[count];
        Span<double> totals = stackalloc double[summing ? count : 0];
        for (int c = 0; c < channels; c++)
        {
            for (int j = 0; j < count; j++)
                q[j] = trainables[j * channels + c];
            totals.Clear();
            int p = 0;
            if (Vec512<T>.IsHardwareAccelerated)
                p = BackwardChannel<TAct, T, Vec512<T>>(activation, x, dy, dx, n, channels, plane, c, q, totals, p);
            if (Vec256<T>.IsHardwareAccelerated)
                p = BackwardChannel<TAct, T, Vec256<T>>(activation, x, dy, dx, n, channels, plane, c, q, totals, p);
            if (Vec128<T>.IsHardwareAccelerated)
                p = BackwardChannel<TAct, T, Vec128<T>>(activation, x, dy, dx, n, channels, plane, c, q, totals, p);
            BackwardChannel<TAct, T, Vec1<T>>(activation, x, dy, dx, n, channels, plane, c, q, totals, p);
            for (int j = 0; j < totals.Length; j++)
                trainableGradients[j * channels + c] += T.CreateTruncating(totals[j]);
        }
    }

    /// <summary>
    /// Elements [p, p + k·TV.Count) of every plane of channel <paramref name="c"/>, k as many vectors as fit;
    /// returns the first element left in each plane.
    /// </summary>
    internal static int ForwardChannel<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, Span<T> y, int n, int channels, int plane, int c, ReadOnlySpan<T> trainables, int p)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        int run = (plane - p) / TV.Count;
        if (run == 0)
            return p;
        Span<TV> q = stackalloc TV[trainables.Length];
        Broadcast(trainables, q);
        ForwardVectors(activation, in MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y),
            (nuint)(c * plane + p), (nuint)(channels * plane), n, run, q);
        return p + run * TV.Count;
    }

    /// <summary>The backward of <see cref="ForwardChannel"/>; adds each trainable's sum into <paramref name="totals"/> (empty: no sums).</summary>
    internal static int BackwardChannel<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int n, int channels, int plane, int c,
        ReadOnlySpan<T> trainables, Span<double> totals, int p)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        int run = (plane - p) / TV.Count;
        if (run == 0)
            return p;
        Span<TV> q = stackalloc TV[trainables.Length];
        Broadcast(trainables, q);
        ref readonly T xs = ref MemoryMarshal.GetReference(x);
        ref readonly T dys = ref MemoryMarshal.GetReference(dy);
        ref T dxs = ref MemoryMarshal.GetReference(dx);
        nuint stride = (nuint)(channels * plane);
        if (totals.IsEmpty)
        {
            BackwardVectors(activation, in xs, in dys, ref dxs, (nuint)(c * plane + p), stride, n, run, q);
            return p + run * TV.Count;
        }
        Span<TV> dq = stackalloc TV[totals.Length];
        var lanes = new LaneSums<TV, T>(stackalloc TV[totals.Length], stackalloc TV[totals.Length]);
        // Whole planes between flushes, about FlushPeriod vectors (at least one plane).
        int planes = Math.Max(1, LaneSums<TV, T>.FlushPeriod / run);
        for (int i = 0; i < n; i += planes)
        {
            BackwardVectorsSummed(activation, in xs, in dys, ref dxs, (nuint)((i * channels + c) * plane + p), stride, Math.Min(planes, n - i), run,
                q, dq, lanes.Sums, lanes.Compensations);
            lanes.FlushSum(totals);
        }
        return p + run * TV.Count;
    }

    private static void Broadcast<T, TV>(ReadOnlySpan<T> values, Span<TV> vectors)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        for (int j = 0; j < vectors.Length; j++)
            vectors[j] = TV.Create(values[j]);
    }
}
