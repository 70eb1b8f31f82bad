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
        int rows = x.Length / channels;
        Span<TV> q = stackalloc TV[TAct.TrainableCount];
        for (; c + TV.Count <= end; c += TV.Count)
        {
            LoadChannels(trainables, channels, c, q);
            ForwardVectors(activation, in MemoryMarshal.GetReference(x), ref MemoryMarshal.GetReference(y), (nuint)c, (nuint)channels, rows, 1, q);
        }
        return c;
    }

    /// <summary>The backward of <see cref="ForwardRowBlocks"/>: each block's gradient sums are added once, at its end.</summary>
    internal static int BackwardRowBlocks<TAct, T, TV>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int channels, ReadOnlySpan<T> trainables, Span<T> trainableGradients, int c, int end)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        int rows = x.Length / channels, count = TAct.TrainableCount, width = TV.Count;
        bool summing = count > 0 && !trainableGradients.IsEmpty;
        Span<TV> q = stackalloc TV[count];
        Span<TV> dq = stackalloc TV[summing ? count : 0];
        var lanes = new LaneSums<TV, T>(stackalloc TV[dq.Length], stackalloc TV[dq.Length]);
        Span<double> totals = stackalloc double[dq.Length * width];
        ref readonly T xs = ref MemoryMarshal.GetReference(x);
        ref readonly T dys = ref MemoryMarshal.GetReference(dy);
        ref T dxs = ref MemoryMarshal.GetReference(dx);
        for (; c + width <= end; c += width)
        {
            LoadChannels(trainables, channels, c, q);
            if (!summing)
            {
                BackwardVectors(activation, in xs, in dys, ref dxs, (nuint)c, (nuint)channels, rows, 1, q);
                continue;
            }
            totals.Clear();
            for (int r = 0; r < rows; r += LaneSums<TV, T>.FlushPeriod)
            {
                int run = Math.Min(LaneSums<TV, T>.FlushPeriod, rows - r);
                BackwardVectorsSummed(activation, in xs, in dys, ref dxs, (nuint)r * (nuint)channels + (nuint)c, (nuint)channels, run, 1, q, dq, lanes.Sums, lanes.Compensations);
                lanes.FlushLanes(totals);
            }
            for (int j = 0; j < count; j++)
                for (int lane = 0; lane < width; lane++)
                    trainableGradients[j * channels + c + lane] += T.CreateTruncating(totals[j * width + lane]);
        }
        return c;
    }

    /// <summary>The trainable vectors of channels [c, c + TV.Count): trainable j's lanes from j·channels + c on.</summary>
    private static void LoadChannels<T, TV>(ReadOnlySpan<T> trainables, int channels, int c, Span<TV> vectors)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        for (int j = 0; j < vectors.Length; j++)
            vectors[j] = TV.LoadUnsafe(in trainables[j * channels + c], 0);
    }
}
