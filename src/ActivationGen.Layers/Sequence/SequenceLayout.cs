using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// Reorders [batch, seq, width] to [seq, batch, width] and back: a recurrent step multiplies the states of every
/// sample at one time step, which are contiguous only in time-major order.
/// </summary>
internal static class SequenceLayout
{
    public static void ToTimeMajor<T>(ReadOnlySpan<T> batchMajor, Span<T> timeMajor, int batch, int steps, int width)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int b = 0; b < batch; b++)
            for (int s = 0; s < steps; s++)
                batchMajor.Slice((b * steps + s) * width, width).CopyTo(timeMajor.Slice((s * batch + b) * width, width));
    }

    public static void ToBatchMajor<T>(ReadOnlySpan<T> timeMajor, Span<T> batchMajor, int batch, int steps, int width)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        for (int s = 0; s < steps; s++)
            for (int b = 0; b < batch; b++)
                timeMajor.Slice((s * batch + b) * width, width).CopyTo(batchMajor.Slice((b * steps + s) * width, width));
    }
}
