using System;
using System.Numerics;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

// Channels-last rows: one block of TV.Count consecutive channels at a time, down every row, so that the block's
// trainable vectors are loaded once and its gradient sums stay in registers for the whole block.
public static partial class PerChannel
{
    /// <summary>Runs the blocks of channels [c, c + k·TV.Count) that fit before <paramref name="end"/>; returns the first channel left.</summary>
    internal static int ForwardRowBlocks<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, Span<T> y, int channels, ReadOnlySpan<T> trainables, int c, int end)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        int width = TV.Count, rows = x.Length / channels;
        Span<TV> q = stackalloc TV[TAct.TrainableCount];
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T ys = ref MemoryMarshal.GetReference(y);
        ref T qs = ref MemoryMarshal.GetReference(trainables);
        for (; c + width <= end; c += width)
        {
            for (int j = 0; j < q.Length; j++)
                q[j] = TV.LoadUnsafe(ref qs, (nuint)(j * channels + c));
            for (int r = 0; r < rows; r++)
            {
                nuint at = (nuint)r * (nuint)channels + (nuint)c;
                TV.StoreUnsafe(activation.Forward(TV.LoadUnsafe(ref xs, at), q), ref ys, at);
            }
        }
        return c;
    }

    /// <summary>The backward of <see cref="ForwardRowBlocks"/>: each block's gradient sums are added once, at its end.</summary>
    internal static int BackwardRowBlocks<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int channels, ReadOnlySpan<T> trainables, Span<T> trainableGradients, int c, int end)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        int width = TV.Count, rows = x.Length / channels, count = TAct.TrainableCount;
        bool summing = count > 0 && !trainableGradients.IsEmpty;
        Span<TV> q = stackalloc TV[count];
        Span<TV> dq = stackalloc TV[summing ? count : 0];
        var lanes = new LaneSums<TV, T>(stackalloc TV[dq.Length], stackalloc TV[dq.Length]);
        Span<double> totals = stackalloc double[dq.Length * width];
        ref T xs = ref MemoryMarshal.GetReference(x);
        ref T dys = ref MemoryMarshal.GetReference(dy);
        ref T dxs = ref MemoryMarshal.GetReference(dx);
        ref T qs = ref MemoryMarshal.GetReference(trainables);
        for (; c + width <= end; c += width)
        {
            for (int j = 0; j < q.Length; j++)
                q[j] = TV.LoadUnsafe(ref qs, (nuint)(j * channels + c));
            totals.Clear();
            for (int r = 0; r < rows; r++)
            {
                nuint at = (nuint)r * (nuint)channels + (nuint)c;
                TV gradient = activation.Backward(TV.LoadUnsafe(ref xs, at), TV.LoadUnsafe(ref dys, at), q, dq);
                TV.StoreUnsafe(gradient, ref dxs, at);
                if (summing)
                {
                    lanes.Add(dq);
                    if (r % LaneSums<TV, T>.FlushPeriod == LaneSums<TV, T>.FlushPeriod - 1)
                        lanes.FlushLanes(totals);
                }
            }
            if (!summing)
                continue;
            lanes.FlushLanes(totals);
            for (int j = 0; j < count; j++)
                for (int lane = 0; lane < width; lane++)
                    trainableGradients[j * channels + c + lane] += T.CreateTruncating(totals[j * width + lane]);
        }
        return c;
    }
}
