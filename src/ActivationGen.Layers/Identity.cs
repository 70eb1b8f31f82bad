using System;
using System.Collections.Immutable;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>No activation (f(x) = x), for a layer whose output is linear, e.g. the logits before a softmax loss.</summary>
/// <remarks>Hand-written rather than declared with <c>[Activation("x")]</c> because a generated struct serves one element type and this one serves both.</remarks>
public readonly struct Identity<T> : IUnaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static ActivationInfo Info { get; } = new("Identity", "x", ["x"], [], [], ["1"], "1");

    /// <inheritdoc/>
    public static int InputCount => 1;

    /// <inheritdoc/>
    public static int TrainableCount => 0;

    /// <inheritdoc/>
    public static bool HasBackwardFromOutput => true;

    /// <inheritdoc/>
    public T TrainableDefault(int index) => throw new ArgumentOutOfRangeException(nameof(index), "Identity has no trainable parameters.");

    /// <inheritdoc/>
    public TV Forward<TV>(TV x, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => x;

    /// <inheritdoc/>
    public TV Backward<TV>(TV x, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T> => dy;

    /// <inheritdoc/>
    public TV BackwardFromOutput<TV>(TV y, TV dy, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => dy;

    /// <inheritdoc/>
    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => inputs[0];

    /// <inheritdoc/>
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T> => inputGradients[0] = dy;

    /// <inheritdoc/>
    public void Forward(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables) => x.CopyTo(y);

    /// <inheritdoc/>
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<T> trainableGradients) => dy.CopyTo(dx);

    /// <inheritdoc/>
    public void BackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables) => dy.CopyTo(dx);
}
