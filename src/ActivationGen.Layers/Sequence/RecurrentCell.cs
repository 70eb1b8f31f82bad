using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// A recurrent layer around any generated activation: over a sequence [batch, seq, inputSize] it computes, step
/// by step, the pre-activation a = xₜ·W + hₜ₋₁·U + b and the state hₜ = f(a) or f(a, second input)
/// (<see cref="RecurrentInput"/>), and returns every state, [batch, seq, hiddenSize].
/// </summary>
/// <remarks>
/// <para>
/// The activation runs inside the epilogue of each step's product hₜ₋₁·U, over each finished panel of the
/// pre-activation while it is still in cache. With <see cref="RecurrentInput.PreviousState"/> a gate such as <c>z * tanh(x) + (1 - z) * h</c>,
/// <c>z = sigmoid(x + h)</c>, receives x = a and h = hₜ₋₁ (so the old state also reaches the new one directly, not
/// only through U); with <see cref="RecurrentInput.Time"/> a time-aware activation such as
/// <c>tanh(x) * exp(-decay * t)</c> receives x = a and t = the step's elapsed time from <see cref="ElapsedTimes"/>
/// (1 for every step when unset). Times are data: no gradient flows to them.
/// </para>
/// <para>
/// <see cref="Backward"/> is backpropagation through time over the whole sequence of the last <see cref="Forward"/>.
/// The initial state is zero. W is [inputSize, hiddenSize] and U [hiddenSize, hiddenSize], row-major, as in
/// <see cref="Dense{T, TActivation}"/>. Every state of the last forward stays available (<see cref="StatesAt"/>,
/// <see cref="StatisticsAt"/>).
/// </para>
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TActivation">The activation, of one input or of two (a generated <c>NameActivation</c>).</typeparam>
public sealed partial class RecurrentCell<T, TActivation> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IActivation<T>
{
    private readonly TActivation activation;
    private readonly ActivationTrainables<T, TActivation> trainables;
    private readonly Parameter<T>[] parameters;
    private Tensor<T>? output;
    private Tensor<T>? inputGradient;

    // Time-major copies of the last forward, [seq, batch, ·]; states has seq + 1 blocks, the first the initial state.
    private T[] inputs = [];
    private T[] times = [];
    private T[] preActivations = [];
    private T[] states = [];
    private T[] preActivationGradients = [];
    private T[] inputGradients = [];
    private T[] stateGradient = [];
    private T[] previousStateGradient = [];
    private readonly T[] recurrentWeightTransposed;
    private int batch;
    private int steps;

    /// <summary>A cell of <paramref name="hiddenSize"/> units reading <paramref name="inputSize"/> features per step.</summary>
    /// <param name="inputSize">Features per step of the input.</param>
    /// <param name="hiddenSize">Hidden units.</param>
    /// <param name="random">The seeded source of the initial weights (Xavier uniform; biases start at zero).</param>
    /// <param name="secondInput">What feeds the activation's second input; <see cref="RecurrentInput.None"/> for a one-input activation.</param>
    /// <param name="activation">The activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="sharing">One trainable activation parameter per hidden unit, or one shared.</param>
    /// <param name="name">The layer's name, prefixing its parameters' names.</param>
    /// <exception cref="ArgumentException"><paramref name="secondInput"/> does not match the activation's number of inputs.</exception>
    public RecurrentCell(
        int inputSize, int hiddenSize, Random random, RecurrentInput secondInput = RecurrentInput.None, TActivation? activation = null,
        TrainableSharing sharing = TrainableSharing.PerChannel, string name = "recurrent")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        int expectedInputs = secondInput switch
        {
            RecurrentInput.None => 1,
            RecurrentInput.PreviousState or RecurrentInput.Time => 2,
            _ => throw new ArgumentOutOfRangeException(nameof(secondInput), secondInput, "Unknown recurrent input."),
        };
        if (TActivation.InputCount != expectedInputs)
            throw new ArgumentException(
                $"{name}: {TActivation.Info.Name} takes {TActivation.InputCount} input(s) ({string.Join(", ", TActivation.Info.Inputs)}), but second input {secondInput} feeds {expectedInputs}.",
                nameof(secondInput));
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        SecondInput = secondInput;
        Name = name;
        this.activation = activation ?? new TActivation();
        InputWeight = new Parameter<T>($"{name}.inputWeight", inputSize * hiddenSize);
        RecurrentWeight = new Parameter<T>($"{name}.recurrentWeight", hiddenSize * hiddenSize);
        Bias = new Parameter<T>($"{name}.bias", hiddenSize);
        recurrentWeightTransposed = new T[hiddenSize * hiddenSize];
        Initialization.Fill<T>(InputWeight.Value, WeightInit.Xavier, inputSize, hiddenSize, random);
        Initialization.Fill<T>(RecurrentWeight.Value, WeightInit.Xavier, hiddenSize, hiddenSize, random);
        trainables = new ActivationTrainables<T, TActivation>(name, this.activation, hiddenSize, sharing);
        parameters = [InputWeight, RecurrentWeight, Bias, .. trainables.Parameters];
    }

    /// <summary>Features per step of the input.</summary>
    public int InputSize { get; }

    /// <summary>Hidden units, the features per step of the output.</summary>
    public int HiddenSize { get; }

    /// <summary>What feeds the activation's second input.</summary>
    public RecurrentInput SecondInput { get; }

    /// <summary>W, [inputSize, hiddenSize].</summary>
    public Parameter<T> InputWeight { get; }

    /// <summary>U, [hiddenSize, hiddenSize].</summary>
    public Parameter<T> RecurrentWeight { get; }

    /// <summary>b, one per hidden unit.</summary>
    public Parameter<T> Bias { get; }

    /// <summary>The activation's trainable parameters, in declaration order: one value each, or one per hidden unit.</summary>
    public IReadOnlyList<Parameter<T>> ActivationParameters => trainables.Parameters;

    /// <summary>With <see cref="RecurrentInput.Time"/>: each step's elapsed time, [batch, seq], read by the next forward; null for 1 everywhere.</summary>
    public Tensor<T>? ElapsedTimes { get; set; }

    /// <summary>Steps of the last forward.</summary>
    public int SequenceLength => steps;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining { get; set; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <summary>Runs the cell over the sequences of <paramref name="input"/>, [batch, seq, inputSize]; returns every state, [batch, seq, hiddenSize].</summary>
    /// <exception cref="ArgumentException">The input or the elapsed times do not have the expected shape.</exception>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ShapeCheck.Require(input, Name, nameof(input), [-1, -1, InputSize]);
        int batch = input.Dimension(0), steps = input.Dimension(1);
        if (ElapsedTimes is not null)
        {
            if (SecondInput != RecurrentInput.Time)
                throw new ArgumentException($"{Name}: elapsed times feed only a cell whose second input is {RecurrentInput.Time}; this one's is {SecondInput}.", nameof(ElapsedTimes));
            ShapeCheck.Require(ElapsedTimes, Name, "elapsed times", [batch, steps]);
        }
        Tensor<T> output = Tensor<T>.Reuse(ref this.output, [batch, steps, HiddenSize]);
        EnsureBuffers(batch, steps);
        int rows = batch * steps, block = batch * HiddenSize;

        SequenceLayout.ToTimeMajor<T>(input.Span, inputs, batch, steps, InputSize);
        if (SecondInput == RecurrentInput.Time)
        {
            if (ElapsedTimes is null)
                times.AsSpan(0, rows).Fill(T.One);
            else
                SequenceLayout.ToTimeMajor<T>(ElapsedTimes.Span, times, batch, steps, 1);
        }

        // x·W + b for every step at once: one large product instead of one per step.
        var addBias = new BiasEpilogue<T>(Bias.Value);
        Gemm.Multiply(inputs.AsSpan(0, rows * InputSize), InputWeight.Value, preActivations.AsSpan(0, rows * HiddenSize), rows, HiddenSize, InputSize,
            transposeA: false, transposeB: false, accumulate: false, ref addBias);

        states.AsSpan(0, block).Clear();
        for (int s = 0; s < steps; s++)
        {
            var step = new StepEpilogue(this, s);
            Gemm.Multiply(states.AsSpan(s * block, block), RecurrentWeight.Value, preActivations.AsSpan(s * block, block),
                batch, HiddenSize, HiddenSize, transposeA: false, transposeB: false, accumulate: true, ref step);
        }
        SequenceLayout.ToBatchMajor<T>(states.AsSpan(block, rows * HiddenSize), output.Span, batch, steps, HiddenSize);
        return output;
    }

    /// <summary>The hidden states after step <paramref name="step"/> of the last forward, [batch, hiddenSize] row-major.</summary>
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

    private void EnsureBuffers(int batch, int steps)
    {
        int rows = batch * steps;
        Grow(ref inputs, rows * InputSize);
        Grow(ref times, SecondInput == RecurrentInput.Time ? rows : 0);
        Grow(ref preActivations, rows * HiddenSize);
        Grow(ref states, (rows + batch) * HiddenSize);
        Grow(ref preActivationGradients, rows * HiddenSize);
        Grow(ref inputGradients, rows * InputSize);
        Grow(ref stateGradient, batch * HiddenSize);
        Grow(ref previousStateGradient, batch * HiddenSize);
        this.batch = batch;
        this.steps = steps;
    }

    private static void Grow(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new T[length];
    }

    private void RequireForward()
    {
        if (output is null)
            throw new InvalidOperationException($"{Name}: no forward has run yet.");
    }
}
