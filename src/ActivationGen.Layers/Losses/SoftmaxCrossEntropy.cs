using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// Softmax cross-entropy from logits [batch, classes] and class indices, averaged over the batch, as PyTorch's
/// <c>CrossEntropyLoss()</c>. The log-probabilities come from a stable log-softmax (the catalog's
/// <see cref="Activations.LogSoftmax(ReadOnlySpan{float}, Span{float}, int)"/> for <see cref="float"/>), so large logits neither overflow nor lose the small ones.
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class SoftmaxCrossEntropy<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    // A field rather than [-1, -1] at the call: a debug build makes a constant collection expression an array per call.
    private static readonly int[] AnyMatrix = [-1, -1];
    private Tensor<T>? _logProbabilities, _gradient;

    /// <summary>The mean loss of <paramref name="logits"/> against <paramref name="labels"/> (one class index per row); keeps ∂loss/∂logits for <see cref="Backward"/>.</summary>
    public T Forward(Tensor<T> logits, ReadOnlySpan<int> labels)
    {
        ShapeCheck.Require(logits, "softmax cross-entropy", nameof(logits), AnyMatrix);
        int batch = logits.Dimension(0), classes = logits.Dimension(1);
        if (labels.Length != batch)
            throw new ArgumentException($"softmax cross-entropy: {labels.Length} labels for logits of shape {logits.ShapeText}; one per row was expected.", nameof(labels));
        Tensor<T> logProbabilities = Tensor<T>.Reuse(ref _logProbabilities, logits.Shape);
        StableSoftmax.LogRows<T>(logits.Span, logProbabilities.Span, classes);

        Tensor<T> gradient = Tensor<T>.Reuse(ref _gradient, logits.Shape);
        ReadOnlySpan<T> logP = logProbabilities.Span;
        Span<T> g = gradient.Span;
        T total = T.Zero, n = T.CreateChecked(Math.Max(batch, 1));
        for (int row = 0; row < batch; row++)
        {
            int label = labels[row];
            if ((uint)label >= (uint)classes)
                throw new ArgumentOutOfRangeException(nameof(labels), label, $"softmax cross-entropy: label {row} is {label}, outside the {classes} classes.");
            total -= logP[row * classes + label];
            // ∂/∂logit_j of −log softmax_label = softmax_j − [j = label].
            for (int j = 0; j < classes; j++)
                g[row * classes + j] = (T.Exp(logP[row * classes + j]) - (j == label ? T.One : T.Zero)) / n;
        }
        return total / n;
    }

    /// <summary>∂loss/∂logits of the last <see cref="Forward"/>.</summary>
    public Tensor<T> Backward() => _gradient ?? throw new InvalidOperationException("Backward needs a Forward first.");

    /// <summary>How many rows of <paramref name="logits"/> have their largest logit at the label.</summary>
    public static int CountCorrect(Tensor<T> logits, ReadOnlySpan<int> labels)
    {
        ShapeCheck.Require(logits, "accuracy", nameof(logits), [labels.Length, -1]);
        int classes = logits.Dimension(1), correct = 0;
        for (int row = 0; row < labels.Length; row++)
        {
            ReadOnlySpan<T> line = logits.Span.Slice(row * classes, classes);
            int best = 0;
            for (int j = 1; j < classes; j++)
                if (line[j] > line[best])
                    best = j;
            correct += best == labels[row] ? 1 : 0;
        }
        return correct;
    }
}
