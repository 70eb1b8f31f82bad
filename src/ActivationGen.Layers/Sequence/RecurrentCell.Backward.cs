using System;

namespace ActivationGen.Layers;

public sealed partial class RecurrentCell<T, TActivation>
{
    /// <summary>
    /// Backpropagation through time over the sequence of the last <see cref="Forward"/>: adds ∂L/∂W, ∂L/∂U, ∂L/∂b
    /// and the activation's trainables' gradients to the parameters', and returns ∂L/∂input, [batch, seq, inputSize].
    /// </summary>
    /// <param name="outputGradient">∂L/∂output, [batch, seq, hiddenSize]: the loss may depend on every state, not only the last.</param>
    /// <exception cref="ArgumentException">The gradient's shape is not the last output's.</exception>
    /// <exception cref="InvalidOperationException">No forward has run.</exception>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        RequireForward();
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", output!, "output");
        int rows = batch * steps, block = batch * HiddenSize;
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref this.inputGradient, [batch, steps, InputSize]);
        Span<T> preActivationGradients = this.preActivationGradients.AsSpan(0, rows * HiddenSize);

        // The step loop multiplies by Uᵀ; a transposed copy (H² values, once per backward) keeps that product on the
        // product's fastest path, the untransposed one.
        Transpose(RecurrentWeight.Value, recurrentWeightTransposed, HiddenSize);
        stateGradient.AsSpan(0, block).Clear();
        var step = new BackwardStep(this, outputGradient.Buffer);
        for (int s = steps - 1; s >= 0; s--)
        {
            step.Step = s;
            VectorCascade.Run<T, BackwardStep>(ref step, 0, HiddenSize);
            // ∂hₜ₋₁ = ∂aₜ·Uᵀ, added to the gate's direct part when the activation reads hₜ₋₁.
            Gemm.Multiply<T>(preActivationGradients.Slice(s * block, block), recurrentWeightTransposed, previousStateGradient.AsSpan(0, block),
                batch, HiddenSize, HiddenSize, accumulate: SecondInput == RecurrentInput.PreviousState);
            (stateGradient, previousStateGradient) = (previousStateGradient, stateGradient);
        }

        // ∂U += Σₜ hₜ₋₁ᵀ·∂aₜ, ∂W += xᵀ·∂a, ∂b += column sums of ∂a, ∂x = ∂a·Wᵀ: over every step at once, since the
        // states before each step (blocks 0…seq−1) lie in time-major order like ∂a.
        Gemm.Multiply<T>(states.AsSpan(0, rows * HiddenSize), preActivationGradients, RecurrentWeight.Gradient, HiddenSize, HiddenSize, rows,
            transposeA: true, accumulate: true);
        Gemm.Multiply<T>(inputs.AsSpan(0, rows * InputSize), preActivationGradients, InputWeight.Gradient, InputSize, HiddenSize, rows,
            transposeA: true, accumulate: true);
        Reductions.AddColumnSums<T>(preActivationGradients, Bias.Gradient, rows, HiddenSize);
        Gemm.Multiply<T>(preActivationGradients, InputWeight.Value, inputGradients.AsSpan(0, rows * InputSize), rows, InputSize, HiddenSize,
            transposeB: true);
        SequenceLayout.ToBatchMajor<T>(inputGradients, inputGradient.Span, batch, steps, InputSize);
        return inputGradient;
    }

    private static void Transpose(ReadOnlySpan<T> square, Span<T> transposed, int size)
    {
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
                transposed[j * size + i] = square[i * size + j];
    }
}
