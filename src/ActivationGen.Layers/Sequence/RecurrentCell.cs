using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// A recurrent layer around any generated activation: over a sequence [batch, seq, inputSize] it computes, step
/// by step, the pre-activation a = W·xₜ + U·hₜ₋₁ + b and the state hₜ = f(a) or f(a, second input)
/// (<see cref="RecurrentInput"/>), and returns every state, [batch, seq, hiddenSize].
/// </summary>
/// <remarks>
/// <para>
/// The activation is applied inside the epilogue of the step's product U·hₜ₋₁, while the pre-activation is still
/// in registers. With <see cref="RecurrentInput.PreviousState"/> a gate such as
/// <c>z * tanh(x) + (1 - z) * h</c>, <c>z = sigmoid(x + h)</c> receives x = a and h = hₜ₋₁ (so the state also
/// reaches the next step directly, not only through U); with <see cref="RecurrentInput.Time"/> a time-aware
/// activation such as <c>tanh(x) * exp(-decay * t)</c> receives x = a and t = the step's elapsed time (given per
/// sample and step, 1 when not given); its gradient with respect to t is not propagated (times are data).
/// </para>
/// <para>
/// <see cref="Backward"/> is backpropagation through time over the whole sequence of the last
/// <see cref="Forward"/>, adding to every parameter's gradient. Buffers are kept between calls and reallocated
/// only when the batch or sequence length changes, so steady training allocates nothing. The initial state is zero.
/// </para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TActivation">The activation, of one input or of two.</typeparam>
public sealed partial class RecurrentCell<T, TActivation> : IHasParameters<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IActivation<T>
{
    private readonly TActivation activation;
    private readonly ActivationTrainables<T> trainables;
    private readonly Parameter<T> inputWeight;
    private readonly Parameter<T> recurrentWeight;
    private readonly Parameter<T> bias;
    private readonly Parameter<T>[] parameters;

    // Time-major buffers of the last forward, [seq, batch, ·]; states has seq + 1 blocks, the first the initial state.
    private T[] inputs = [];
    private T[] times = [];
    private T[] preActivations = [];
    private T[] states = [];
    private T[] preActivationGradients = [];
    private T[] inputGradients = [];
    private T[] stateGradient = [];
    private T[] previousStateGradient = [];
    private int batch;
    private int steps;

    /// <summary>A cell of <paramref name="hiddenSize"/> units reading <paramref name="inputSize"/> features per step.</summary>
    /// <param name="inputSize">Features per step of the input.</param>
    /// <param name="hiddenSize">Hidden units.</param>
    /// <param name="secondInput">What feeds the activation's second input; <see cref="RecurrentInput.None"/> for a one-input activation.</param>
    /// <param name="activation">The activation's hyperparameters; its parameterless form when null.</param>
    /// <param name="sharing">Whether the activation's trainables are shared or one per hidden unit.</param>
    /// <param name="seed">Seed of the initialization: every weight and bias uniform in ±1/√hiddenSize, as PyTorch's <c>nn.RNN</c>.</param>
    /// <param name="name">Prefix of the parameters' names.</param>
    /// <exception cref="ArgumentException"><paramref name="secondInput"/> does not match the activation's number of inputs.</exception>
    public RecurrentCell(
        int inputSize, int hiddenSize, RecurrentInput secondInput = RecurrentInput.None, TActivation? activation = null,
        TrainableSharing sharing = TrainableSharing.PerChannel, int seed = 0, string name = "recurrent")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        int expectedInputs = secondInput switch
        {
            RecurrentInput.None => 1,
            RecurrentInput.PreviousState or RecurrentInput.Time => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(secondInput), secondInput, null),
        };
        if (TActivation.InputCount != expectedInputs)
            throw new ArgumentException(
                $"{TActivation.Info.Name} takes {TActivation.InputCount} input(s) ({string.Join(", ", TActivation.Info.Inputs)}), but second input {secondInput} feeds {expectedInputs}.",
                nameof(secondInput));
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        SecondInput = secondInput;
        this.activation = activation ?? new TActivation();
        trainables = new ActivationTrainables<T>(this.activation, TActivation.TrainableCount, hiddenSize, sharing, name + ".activation");
        inputWeight = new Parameter<T>(name + ".inputWeight", hiddenSize * inputSize);
        recurrentWeight = new Parameter<T>(name + ".recurrentWeight", hiddenSize * hiddenSize);
        bias = new Parameter<T>(name + ".bias", hiddenSize);
        var random = new Random(seed);
        double bound = 1 / Math.Sqrt(hiddenSize);
        foreach (var parameter in new[] { inputWeight, recurrentWeight, bias })
            for (int i = 0; i < parameter.Value.Length; i++)
                parameter.Value[i] = T.CreateChecked((2 * random.NextDouble() - 1) * bound);
        parameters = [inputWeight, recurrentWeight, bias, .. trainables.Parameters];
    }

    /// <summary>Features per step of the input.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units, the features per step of the output.</summary>
    public int HiddenSize { get; }

    /// <summary>What feeds the activation's second input.</summary>
    public RecurrentInput SecondInput { get; }

    /// <summary>W, [hiddenSize, inputSize].</summary>
    public Parameter<T> InputWeight => inputWeight;

    /// <summary>U, [hiddenSize, hiddenSize].</summary>
    public Parameter<T> RecurrentWeight => recurrentWeight;

    /// <summary>b, [hiddenSize].</summary>
    public Parameter<T> Bias => bias;

    /// <summary>The activation's trainables, in declaration order: one value each, or one per hidden unit.</summary>
    public IReadOnlyList<Parameter<T>> ActivationParameters => trainables.Parameters;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <summary>Steps of the last forward.</summary>
    public int SequenceLength => steps;

    /// <summary>Runs the cell over a sequence.</summary>
    /// <param name="input">[batch, seq, inputSize].</param>
    /// <param name="output">Every hidden state, [batch, seq, hiddenSize].</param>
    /// <param name="batch">Samples.</param>
    /// <param name="sequenceLength">Steps per sample.</param>
    /// <param name="elapsedTimes">With <see cref="RecurrentInput.Time"/>: [batch, seq], each step's elapsed time; empty for 1 everywhere.</param>
    /// <exception cref="ArgumentException">A span's length does not match its shape.</exception>
    public void Forward(ReadOnlySpan<T> input, Span<T> output, int batch, int sequenceLength, ReadOnlySpan<T> elapsedTimes = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequenceLength);
        Shapes.RequireLength(nameof(input), input.Length, "batch, seq, inputSize", batch, sequenceLength, InputSize);
        Shapes.RequireLength(nameof(output), output.Length, "batch, seq, hiddenSize", batch, sequenceLength, HiddenSize);
        if (!elapsedTimes.IsEmpty)
        {
            if (SecondInput != RecurrentInput.Time)
                throw new ArgumentException($"Elapsed times feed only a cell whose second input is {RecurrentInput.Time}; this one's is {SecondInput}.", nameof(elapsedTimes));
            Shapes.RequireLength(nameof(elapsedTimes), elapsedTimes.Length, "batch, seq", batch, sequenceLength);
        }
        EnsureBuffers(batch, sequenceLength);
        int rows = batch * sequenceLength, block = batch * HiddenSize;

        SequenceLayout.ToTimeMajor(input, inputs, batch, sequenceLength, InputSize);
        if (SecondInput == RecurrentInput.Time)
        {
            if (elapsedTimes.IsEmpty)
                Array.Fill(times, T.One);
            else
                SequenceLayout.ToTimeMajor(elapsedTimes, times, batch, sequenceLength, 1);
        }

        // W·xₜ + b for every step at once: one large product instead of one per step.
        var addBias = new BiasEpilogue<T>(bias.Value);
        Gemm.Multiply<T, BiasEpilogue<T>>(inputs, inputWeight.Value, preActivations, rows, HiddenSize, InputSize,
            transposeA: false, transposeB: true, accumulate: false, ref addBias);

        Array.Clear(states, 0, block);
        for (int s = 0; s < sequenceLength; s++)
        {
            var step = new StepEpilogue(this, s);
            Gemm.Multiply<T, StepEpilogue>(states.AsSpan(s * block, block), recurrentWeight.Value, preActivations.AsSpan(s * block, block),
                batch, HiddenSize, HiddenSize, transposeA: false, transposeB: true, accumulate: true, ref step);
        }
        SequenceLayout.ToBatchMajor<T>(states.AsSpan(block, rows * HiddenSize), output, batch, sequenceLength, HiddenSize);
    }

    /// <summary>The hidden states after step <paramref name="step"/> of the last forward, [batch, hiddenSize].</summary>
    public ReadOnlySpan<T> StatesAt(int step)
    {
        RequireForward();
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, steps);
        int block = batch * HiddenSize;
        return states.AsSpan((step + 1) * block, block);
    }

    /// <summary>Mean, standard deviation and range of the hidden states after step <paramref name="step"/> of the last forward, over the batch and the units.</summary>
    public HiddenStateStatistics StatisticsAt(int step) => HiddenStateStatistics.Of(StatesAt(step));

    private void EnsureBuffers(int batch, int sequenceLength)
    {
        if (batch == this.batch && sequenceLength == steps)
            return;
        int rows = batch * sequenceLength;
        inputs = new T[rows * InputSize];
        times = SecondInput == RecurrentInput.Time ? new T[rows] : [];
        preActivations = new T[rows * HiddenSize];
        states = new T[(rows + batch) * HiddenSize];
        preActivationGradients = new T[rows * HiddenSize];
        inputGradients = new T[rows * InputSize];
        stateGradient = new T[batch * HiddenSize];
        previousStateGradient = new T[batch * HiddenSize];
        this.batch = batch;
        steps = sequenceLength;
    }

    private void RequireForward()
    {
        if (steps == 0)
            throw new InvalidOperationException("The cell has not run forward yet.");
    }
}
