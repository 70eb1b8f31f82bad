using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>The mean over every element of (prediction − target)², as PyTorch's <c>MSELoss()</c>.</summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class MeanSquaredError<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private Tensor<T>? _gradient;

    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/> (same shape); keeps ∂loss/∂prediction for <see cref="Backward"/>.</summary>
    public T Forward(Tensor<T> prediction, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ShapeCheck.RequireSame(target, "mean squared error", nameof(target), prediction, nameof(prediction));
        Tensor<T> gradient = Tensor<T>.Reuse(ref _gradient, prediction.Shape);
        ReadOnlySpan<T> p = prediction.Span, t = target.Span;
        Span<T> g = gradient.Span;
        T sum = T.Zero, count = T.CreateChecked(Math.Max(p.Length, 1)), two = T.CreateChecked(2);
        for (int i = 0; i < p.Length; i++)
        {
            T difference = p[i] - t[i];
            sum += difference * difference;
            g[i] = two * difference / count;
        }
        return sum / count;
    }

    /// <summary>∂loss/∂prediction of the last <see cref="Forward"/>.</summary>
    public Tensor<T> Backward() => _gradient ?? throw new InvalidOperationException("Backward needs a Forward first.");
}
