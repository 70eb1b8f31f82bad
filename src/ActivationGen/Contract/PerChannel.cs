using System;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>
/// An activation with its trainable parameters <b>per channel</b> (one value per feature or channel, as in an
/// adaptive <c>alpha * x * sigmoid(beta * x)</c> with <c>alpha</c> and <c>beta</c> per hidden unit), run over a
/// layer's tensor through the activation's per-vector kernels: the loops a layer calls, written once for every
/// generated activation.
/// </summary>
/// <remarks>
/// <para>Two layouts. <b>Channels-last rows</b> <c>[rows, channels]</c> (a dense layer's output, an NHWC tensor):
/// element <c>r·channels + c</c> belongs to channel <c>c</c>, and the lanes of one vector are consecutive channels,
/// so each trainable's vector is loaded from its per-channel values. <b>Channels-first planes</b>
/// <c>[n, channels, plane]</c> (NCHW, plane = H·W): element <c>(i·channels + c)·plane + p</c> belongs to channel
/// <c>c</c>, whose values are broadcast over its plane.</para>
/// <para>Trainables and their gradients are one span of <c>TrainableCount × channels</c> values, trainable
/// <c>j</c> of channel <c>c</c> at <c>j·channels + c</c> (so a layer keeps them in one parameter array). The
/// backward overwrites the input gradient and <b>adds</b> each channel's Σ dy·∂f/∂q into the trainable gradients
/// in the same pass, so a layer can accumulate over a batch; the sums run in compensated lanes flushed into
/// double every 256 vectors, so they stay accurate over millions of elements. An empty trainable-gradient span
/// skips them (the cheaper backward tape). Every vector holds real elements: tails run at narrower widths,
/// down to one lane, so nothing needs padding. <c>y</c> may be <c>x</c> and <c>dx</c> may be <c>dy</c> (in place).</para>
/// <para>With trainables shared (one value each), the activation's own span members
/// (<see cref="IUnaryActivation{T}.Forward(ReadOnlySpan{T}, Span{T}, ReadOnlySpan{T})"/>) are the loops to call.</para>
/// </remarks>
public static partial class PerChannel
{
    /// <summary>y = f(x) over channels-last rows <c>[rows, channels]</c>, with per-channel trainables.</summary>
    /// <exception cref="ArgumentException">A length does not fit the shape (the message names the tensor and both shapes), or an output partly overlaps an input.</exception>
    public static void ForwardRows<TAct, T>(TAct activation, ReadOnlySpan<T> x, Span<T> y, int channels, ReadOnlySpan<T> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckRows(x.Length, channels);
        CheckTensor(x.Length, y.Length, nameof(y), x.Length / channels, channels);
        CheckTrainables<TAct, T>(trainables.Length, channels, nameof(trainables));
        Elementwise.CheckOverlap<T>(x, y, nameof(y));
        int c = 0;
        if (Vec512<T>.IsHardwareAccelerated)
            c = ForwardRowBlocks<TAct, T, Vec512<T>>(activation, x, y, channels, trainables, c, channels);
        if (Vec256<T>.IsHardwareAccelerated)
            c = ForwardRowBlocks<TAct, T, Vec256<T>>(activation, x, y, channels, trainables, c, channels);
        if (Vec128<T>.IsHardwareAccelerated)
            c = ForwardRowBlocks<TAct, T, Vec128<T>>(activation, x, y, channels, trainables, c, channels);
        ForwardRowBlocks<TAct, T, Vec1<T>>(activation, x, y, channels, trainables, c, channels);
    }

    /// <summary>
    /// dx = dy·∂f/∂x over channels-last rows <c>[rows, channels]</c>, and trainableGradients[j·channels + c]
    /// += Σ over the rows of dy·∂f/∂q_j for channel c.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not fit the shape (the message names the tensor and both shapes), or an output partly overlaps an input.</exception>
    public static void BackwardRows<TAct, T>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int channels, ReadOnlySpan<T> trainables, Span<T> trainableGradients)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        CheckRows(x.Length, channels);
        CheckTensor(x.Length, dy.Length, nameof(dy), x.Length / channels, channels);
        CheckTensor(x.Length, dx.Length, nameof(dx), x.Length / channels, channels);
        CheckTrainables<TAct, T>(trainables.Length, channels, nameof(trainables));
        if (!trainableGradients.IsEmpty)
            CheckTrainables<TAct, T>(trainableGradients.Length, channels, nameof(trainableGradients));
        Elementwise.CheckOverlap<T>(x, dx, nameof(dx));
        Elementwise.CheckOverlap<T>(dy, dx, nameof(dx));
        int c = 0;
        if (Vec512<T>.IsHardwareAccelerated)
            c = BackwardRowBlocks<TAct, T, Vec512<T>>(activation, x, dy, dx, channels, trainables, trainableGradients, c, channels);
        if (Vec256<T>.IsHardwareAccelerated)
            c = BackwardRowBlocks<TAct, T, Vec256<T>>(activation, x, dy, dx, channels, trainables, trainableGradients, c, channels);
        if (Vec128<T>.IsHardwareAccelerated)
            c = BackwardRowBlocks<TAct, T, Vec128<T>>(activation, x, dy, dx, channels, trainables, trainableGradients, c, channels);
        BackwardRowBlocks<TAct, T, Vec1<T>>(activation, x, dy, dx, channels, trainables, trainableGradients, c, channels);
    }

    /// <summary>y = f(x) over channels-first planes <c>[n, channels, plane]</c>, with per-channel trainables.</summary>
    /// <exception cref="ArgumentException">A length does not fit the shape (the message names the tensor and both shapes), or an output partly overlaps an input.</exception>
    public static void ForwardPlanes<TAct, T>(TAct activation, ReadOnlySpan<T> x, Span<T> y, int channels, int plane, ReadOnlySpan<T> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = CheckPlanes(x.Length, channels, plane);
        CheckTensor(x.Length, y.Length, nameof(y), n, channels, plane);
        CheckTrainables<TAct, T>(trainables.Length, channels, nameof(trainables));
        Elementwise.CheckOverlap<T>(x, y, nameof(y));
        ForwardPlanesOf(activation, x, y, n, channels, plane, trainables);
    }

    /// <summary>
    /// dx = dy·∂f/∂x over channels-first planes <c>[n, channels, plane]</c>, and trainableGradients[j·channels + c]
    /// += Σ over channel c's planes of dy·∂f/∂q_j.
    /// </summary>
    /// <exception cref="ArgumentException">A length does not fit the shape (the message names the tensor and both shapes), or an output partly overlaps an input.</exception>
    public static void BackwardPlanes<TAct, T>(TAct activation, ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, int channels, int plane, ReadOnlySpan<T> trainables, Span<T> trainableGradients)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = CheckPlanes(x.Length, channels, plane);
        CheckTensor(x.Length, dy.Length, nameof(dy), n, channels, plane);
        CheckTensor(x.Length, dx.Length, nameof(dx), n, channels, plane);
        CheckTrainables<TAct, T>(trainables.Length, channels, nameof(trainables));
        if (!trainableGradients.IsEmpty)
            CheckTrainables<TAct, T>(trainableGradients.Length, channels, nameof(trainableGradients));
        Elementwise.CheckOverlap<T>(x, dx, nameof(dx));
        Elementwise.CheckOverlap<T>(dy, dx, nameof(dx));
        BackwardPlanesOf(activation, x, dy, dx, n, channels, plane, trainables, trainableGradients);
    }

    private static void CheckRows(int length, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (length % channels != 0)
            throw new ArgumentException($"x has {length} elements, which is not [rows, {channels}] for any number of rows.", "x");
    }

    private static int CheckPlanes(int length, int channels, int plane)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(plane);
        if (length % (channels * plane) != 0)
            throw new ArgumentException($"x has {length} elements, which is not [n, {channels}, {plane}] for any n.", "x");
        return length / (channels * plane);
    }

    private static void CheckTensor(int expected, int actual, string name, params ReadOnlySpan<int> shape)
    {
        if (actual != expected)
            throw new ArgumentException($"{name} has {actual} elements but x is [{string.Join(", ", shape.ToArray())}] ({expected} elements).", name);
    }

    private static void CheckTrainables<TAct, T>(int length, int channels, string name)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (length != TAct.TrainableCount * channels)
            throw new ArgumentException(
                $"{name} has {length} elements but {TAct.Info.Name} needs [{TAct.TrainableCount}, {channels}] (TrainableCount × channels, trainable j of channel c at j·channels + c).", name);
    }
}
