using System;

namespace ActivationGen.Layers;

public sealed partial class RecurrentCell<T, TActivation>
{
    /// <summary>
    /// Backpropagation through time over the sequence of the last <see cref="Forward"/>: adds ∂L/∂W, ∂L/∂U, ∂L/∂b
    /// and the activation's trainables' gradients to the parameters', and writes ∂L/∂input.
    /// </summary>
    /// <param name="outputGradient">∂L/∂output, [batch, seq, hiddenSize]: the loss may depend on every state, not only the last.</param>
    /// <param name="inputGradient">∂L/∂input, [batch, seq, inputSize] (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not match the last forward's shapes.</exception>
    /// <exception cref="InvalidOperationException">No forward has run.</exception>
    public void Backward(ReadOnlySpan<T> outputGradient, Span<T> inputGradient)
    {
        RequireForward();
        Shapes.RequireLength(nameof(outputGradient), outputGradient.Length, "batch, seq, hiddenSize", batch, steps, HiddenSize);
        Shapes.RequireLength(nameof(inputGradient), inputGradient.Length, "batch, seq, inputSize", batch, steps, InputSize);
        int rows = batch * steps, block = batch * HiddenSize;

        Array.Clear(stateGradient);
        for (int s = steps - 1; s >= 0; s--)
        {
            var step = new BackwardStep(this, s, outputGradient);
            ColumnLoop<T>.Run(ref step, batch, HiddenSize);
            ReadOnlySpan<T> stepGradient = preActivationGradients.AsSpan(s * block, block);
            // ∂L/∂U += ∂L/∂aₜᵀ·hₜ₋₁ and ∂L/∂hₜ₋₁ (+)= ∂L/∂aₜ·U, added to the gate's direct part when there is one.
            Gemm.Multiply(stepGradient, states.AsSpan(s * block, block), recurrentWeight.Gradient, HiddenSize, HiddenSize, batch,
                transposeA: true, transposeB: false, accumulate: true);
            Gemm.Multiply(stepGradient, recurrentWeight.Value, previousStateGradient, batch, HiddenSize, HiddenSize,
                transposeA: false, transposeB: false, accumulate: SecondInput == RecurrentInput.PreviousState);
            (stateGradient, previousStateGradient) = (previousStateGradient, stateGradient);
        }

        Gemm.Multiply<T>(preActivationGradients, inputs, inputWeight.Gradient, HiddenSize, InputSize, rows,
            transposeA: true, transposeB: false, accumulate: true);
        SequenceLayout.AddColumnSums<T>(preActivationGradients, rows, HiddenSize, bias.Gradient);
        Gemm.Multiply<T>(preActivationGradients, inputWeight.Value, inputGradients, rows, InputSize, HiddenSize);
        SequenceLayout.ToBatchMajor<T>(inputGradients, inputGradient, batch, steps, InputSize);
        trainables.FlushGradients();
    }
}
