using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// A fully connected layer y = f(x·W + b) over [batch, inputs] → [batch, units], with the bias and the activation
/// <typeparamref name="TActivation"/> fused into the matrix product's epilogue (one pass over the output).
/// </summary>
/// <remarks>
/// W is stored [inputs, units], row-major. The layer keeps only y for backward when the activation can differentiate
/// from its output and has no trainables; otherwise it keeps the pre-activation. The activation's trainables are
/// parameters of this layer (<c>name.alpha</c>…), one per unit or shared, updated by optimizers like the weights.
/// </remarks>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <typeparam name="TActivation">The activation, e.g. a generated <c>Activations.SiluActivation</c>, or <see cref="Identity{T}"/>.</typeparam>
public sealed class Dense<T, TActivation> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IUnaryActivation<T>
{
    private readonly TActivation _activation;
    private readonly ActivationTrainables<T, TActivation> _trainables;
    private readonly Parameter<T>[] _parameters;
    private Tensor<T>? _input, _output, _preActivation, _preActivationGradient, _inputGradient;
    private bool _keptPreActivation;

    /// <summary>A dense layer with seeded initial weights and zero biases.</summary>
    /// <param name="inputs">Features per sample.</param>
    /// <param name="units">Outputs per sample.</param>
    /// <param name="random">The seeded source of the initial weights.</param>
    /// <param name="activation">The activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="init">The weight initialization.</param>
    /// <param name="sharing">One trainable activation parameter per unit, or one shared.</param>
    /// <param name="name">The layer's name, prefixing its parameters' names.</param>
    public Dense(int inputs, int units, Random random, TActivation? activation = null, WeightInit init = WeightInit.He,
        TrainableSharing sharing = TrainableSharing.PerChannel, string name = "dense")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        Inputs = inputs;
        Units = units;
        Name = name;
        _activation = activation ?? new TActivation();
        Weight = new Parameter<T>($"{name}.weight", inputs * units);
        Bias = new Parameter<T>($"{name}.bias", units);
        Initialization.Fill<T>(Weight.Value, init, inputs, units, random);
        _trainables = new ActivationTrainables<T, TActivation>(name, _activation, units, sharing);
        _parameters = [Weight, Bias, .. _trainables.Parameters];
    }

    /// <summary>Features per sample.</summary>
    public int Inputs { get; }

    /// <summary>Outputs per sample.</summary>
    public int Units { get; }

    /// <summary>W, [inputs, units] row-major.</summary>
    public Parameter<T> Weight { get; }

    /// <summary>b, one per unit.</summary>
    public Parameter<T> Bias { get; }

    /// <summary>The activation's trainable parameters, in declaration order.</summary>
    public IReadOnlyList<Parameter<T>> ActivationParameters => _trainables.Parameters;

    /// <summary>
    /// False for a network's first layer, whose input gradient nobody reads: <see cref="Backward"/> then skips that
    /// product and returns zeros (the parameter gradients are still accumulated).
    /// </summary>
    public bool ComputeInputGradient { get; set; } = true;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining { get; set; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ShapeCheck.Require(input, Name, nameof(input), [-1, Inputs]);
        int batch = input.Dimension(0);
        _input = input;
        Tensor<T> output = Tensor<T>.Reuse(ref _output, [batch, Units]);
        bool keepPreActivation = IsTraining && !ActivationBackward.KeepsOutput<T, TActivation>();
        var epilogue = new BiasActivationEpilogue<T, TActivation>
        {
            Activation = _activation,
            Trainables = _trainables,
            Bias = Bias.Value,
            PreActivation = keepPreActivation ? Tensor<T>.Reuse(ref _preActivation, [batch, Units]).Buffer : null,
            Columns = Units,
        };
        Gemm.Multiply(input.Span, Weight.Value, output.Span, batch, Units, Inputs, false, false, false, ref epilogue);
        _keptPreActivation = keepPreActivation;
        return output;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (_input is null || _output is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward in training mode first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", _output, "output");
        int batch = _input.Dimension(0);
        T[] kept = ActivationBackward.KeepsOutput<T, TActivation>() ? _output.Buffer
            : _keptPreActivation ? _preActivation!.Buffer : throw new InvalidOperationException($"{Name}: Backward needs a Forward in training mode first.");
        Tensor<T> dz = Tensor<T>.Reuse(ref _preActivationGradient, [batch, Units]);
        ActivationBackward.Rows(_activation, _trainables, kept, outputGradient.Buffer, dz.Buffer, batch, Units);

        // ∂W += xᵀ·∂z, ∂b += column sums of ∂z, ∂x = ∂z·Wᵀ.
        Gemm.Multiply<T>(_input.Span, dz.Span, Weight.Gradient, Inputs, Units, batch, transposeA: true, accumulate: true);
        Reductions.AddColumnSums(dz.Span, Bias.Gradient, batch, Units);
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref _inputGradient, [batch, Inputs]);
        if (ComputeInputGradient)
            Gemm.Multiply<T>(dz.Span, Weight.Value, inputGradient.Span, batch, Inputs, Units, transposeB: true);
        else
            inputGradient.Clear();
        return inputGradient;
    }
}
