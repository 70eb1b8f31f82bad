using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

// One vector of consecutive channels, for a layer's own loop (a GEMM epilogue: one vector of output columns).
public static partial class PerChannel
{
    /// <summary>
    /// f per lane for one vector of consecutive channels [<paramref name="channel"/>, channel + TV.Count) of a
    /// channels-last tensor, each lane with its channel's trainables: the call a fused loop (a GEMM epilogue) makes.
    /// </summary>
    /// <remarks>
    /// The trainable vectors live on the stack for up to four trainables (the generic vector type cannot be
    /// stack-allocated otherwise); a declaration with more allocates them per call.
    /// </remarks>
    /// <param name="activation">The activation.</param>
    /// <param name="x">The inputs of channels [channel, channel + TV.Count).</param>
    /// <param name="trainables"><c>TrainableCount × channels</c> values, trainable j of channel c at j·channels + c.</param>
    /// <param name="channels">The number of channels.</param>
    /// <param name="channel">The first lane's channel.</param>
    /// <exception cref="ArgumentOutOfRangeException">The lanes run past the last channel, or <paramref name="trainables"/> is too short.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Forward<TAct, T, TV>(TAct activation, TV x, ReadOnlySpan<T> trainables, int channels, int channel)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : struct, IVectorBits<TV, T>
    {
        if ((uint)channel > (uint)(channels - TV.Count) || trainables.Length < TAct.TrainableCount * channels)
            ThrowLanes(channel, TV.Count, channels, trainables.Length);
        ref T q = ref MemoryMarshal.GetReference(trainables);
        nuint stride = (nuint)channels, at = (nuint)channel;
        return TAct.TrainableCount switch
        {
            0 => activation.Forward(x, []),
            1 => activation.Forward(x, [TV.LoadUnsafe(ref q, at)]),
            2 => activation.Forward(x, [TV.LoadUnsafe(ref q, at), TV.LoadUnsafe(ref q, at + stride)]),
            3 => activation.Forward(x, [TV.LoadUnsafe(ref q, at), TV.LoadUnsafe(ref q, at + stride), TV.LoadUnsafe(ref q, at + 2 * stride)]),
            4 => activation.Forward(x, [TV.LoadUnsafe(ref q, at), TV.LoadUnsafe(ref q, at + stride), TV.LoadUnsafe(ref q, at + 2 * stride), TV.LoadUnsafe(ref q, at + 3 * stride)]),
            _ => ForwardWithManyTrainables(activation, x, trainables, channels, channel),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV ForwardWithManyTrainables<TAct, T, TV>(TAct activation, TV x, ReadOnlySpan<T> trainables, int channels, int channel)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : struct, IVectorBits<TV, T>
    {
        var q = new TV[TAct.TrainableCount];
        for (int j = 0; j < q.Length; j++)
            q[j] = TV.LoadUnsafe(in trainables[j * channels + channel], 0);
        return activation.Forward(x, q);
    }

    private static void ThrowLanes(int channel, int width, int channels, int trainables) =>
        throw new ArgumentOutOfRangeException(nameof(channel),
            $"Lanes [{channel}, {channel + width}) with {channels} channels and {trainables} trainable values: the lanes must be channels and every trainable must have all channels.");
}
