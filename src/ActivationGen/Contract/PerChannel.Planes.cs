using System;
using System.Numerics;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

// Channels-first planes: each plane is a contiguous run of one channel, its trainables broadcast; the run goes at
// the widest accelerated width, its tail at narrower widths down to one lane.
public static partial class PerChannel
{
    private static void ForwardPlane<TAct, T>(TAct activation, ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables, int channels, int c)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<T> q = stackalloc T[TAct.TrainableCount];
        for (int j = 0; j < q.Length; j++)
            q[j] = trainables[j * channels + c];
        int p = 0;
        if (Vec512<T>.IsHardwareAccelerated)
            p = ForwardRun<TAct, T, Vec512<T>>(activation, x, y, q, p);
        if (Vec256<T>.IsHardwareAccelerated)
            p = ForwardRun<TAct, T, Vec256<T>>(activation, x, y, q, p);
        if (Vec128<T>.IsHardwareAccelerated)
            p = ForwardRun<TAct, T, Vec128<T>>(activation, x, y, q, p);
        ForwardRun<TAct, T, Vec1<T>>(activation, x, y, q, p);
    }

    /// <summary>Channel by channel, so that each channel's sums end in one place before they are added.</summary>
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
            for (int i = 0; i < n; i++)
            {
                int start = (i * channels + c) * plane;
                var xs = x.Slice(start, plane);
                var dys = dy.Slice(start, plane);
                var dxs = dx.Slice(start, plane);
                int p = 0;
                if (Vec512<T>.IsHardwareAccelerated)
                    p = BackwardRun<TAct, T, Vec512<T>>(activation, xs, dys, dxs, q, totals, p);
                if (Vec256<T>.IsHardwareAccelerated)
                    p = BackwardRun<TAct, T, Vec256<T>>(activation, xs, dys, dxs, q, totals, p);
                if (Vec128<T>.IsHardwareAccelerated)
                    p = BackwardRun<TAct, T, Vec128<T>>(activation, xs, dys, dxs, q, totals, p);
                BackwardRun<TAct, T, Vec1<T>>(activation, xs, dys, dxs, q, totals, p);
            }
            for (int j = 0; j < totals.Length; j++)
                trainableGradients[j * channels + c] += T.CreateTruncating(totals[j]);
        }
    }

    /// <summary>Runs the vectors of TV.Count elements that fit from <paramref name="p"/>; returns the first element left.</summary>
    internal static int ForwardRun<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables, int p)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        if (p + TV.Count > x.Length)
            return p;
        Span<TV> q = stackalloc TV[trainables.Length];
        for (int j = 0; j < q.Length; j++)
            q[j] = TV.Create(trainables[j]);
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        for (; p + TV.Count <= x.Length; p += TV.Count)
            TV.StoreUnsafe(activation.Forward(TV.LoadUnsafe(ref xs, (nuint)p), q), ref ys, (nuint)p);
        return p;
    }

    /// <summary>The backward of <see cref="ForwardRun"/>; adds each trainable's sum over the run into <paramref name="totals"/> (empty: no sums).</summary>
    internal static int BackwardRun<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<double> totals, int p)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        if (p + TV.Count > x.Length)
            return p;
        Span<TV> q = stackalloc TV[trainables.Length];
        for (int j = 0; j < q.Length; j++)
            q[j] = TV.Create(trainables[j]);
        Span<TV> dq = stackalloc TV[totals.Length];
        var lanes = new LaneSums<TV, T>(stackalloc TV[totals.Length], stackalloc TV[totals.Length]);
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T dys = ref MemoryMarshal.GetReference(dy);
        ref T dxs = ref MemoryMarshal.GetReference(dx);
        for (int k = 0; p + TV.Count <= x.Length; p += TV.Count, k++)
        {
            TV gradient = activation.Backward(TV.LoadUnsafe(ref xs, (nuint)p), TV.LoadUnsafe(ref dys, (nuint)p), q, dq);
            TV.StoreUnsafe(gradient, ref dxs, (nuint)p);
            if (totals.IsEmpty)
                continue;
            lanes.Add(dq);
            if (k % LaneSums<TV, T>.FlushPeriod == LaneSums<TV, T>.FlushPeriod - 1)
                lanes.FlushSum(totals);
        }
        if (!totals.IsEmpty)
            lanes.FlushSum(totals);
        return p;
    }
}
