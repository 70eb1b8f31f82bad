using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// A 2-D convolution over NCHW tensors with stride and zero padding, y = f(W ⊛ x + b), as one matrix product per
/// batch over the unfolded input (im2col) with the bias in the product's epilogue, and the activation
/// <typeparamref name="TActivation"/> in the pass that permutes the product to NCHW. Per-channel trainables are met
/// channels-first.
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <typeparam name="TActivation">The activation, e.g. a generated <c>Activations.ReluActivation</c>.</typeparam>
public sealed class Conv2D<T, TActivation> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IUnaryActivation<T>
{
    private readonly TActivation _activation;
    private readonly ActivationTrainables<T, TActivation> _trainables;
    private readonly Parameter<T>[] _parameters;
    private ConvGeometry _geometry;
    // The product (the pre-activation, kept for backward) and its gradient are [outChannels, batch·plane]; the output NCHW.
    private Tensor<T>? _columns, _product, _productGradient, _preActivationGradient, _columnsGradient;
    private bool _productIsPreActivation;
    private Tensor<T>? _output, _inputGradient;
    private bool _forwardDone;

    /// <summary>Weight gradients with at most this many entries are dot products rather than a blocked product (measured: 16×9 over 2,048 positions).</summary>
    private const int SmallWeightGradient = 512;

    /// <summary>A convolution with square kernels, seeded initial weights and zero biases.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels (filters).</param>
    /// <param name="kernelSize">Kernel height and width.</param>
    /// <param name="random">The seeded source of the initial weights.</param>
    /// <param name="stride">Step between output positions.</param>
    /// <param name="padding">Zeros added on every side.</param>
    /// <param name="activation">The activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="init">The weight initialization (fan-in C·K·K, fan-out OC·K·K).</param>
    /// <param name="sharing">One trainable activation parameter per output channel, or one shared.</param>
    /// <param name="name">The layer's name, prefixing its parameters' names.</param>
    public Conv2D(int inChannels, int outChannels, int kernelSize, Random random, int stride = 1, int padding = 0,
        TActivation? activation = null, WeightInit init = WeightInit.He, TrainableSharing sharing = TrainableSharing.PerChannel,
        string name = "conv")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Name = name;
        _activation = activation ?? new TActivation();
        int patch = inChannels * kernelSize * kernelSize;
        Weight = new Parameter<T>($"{name}.weight", outChannels * patch);
        Bias = new Parameter<T>($"{name}.bias", outChannels);
        Initialization.Fill<T>(Weight.Value, init, patch, outChannels * kernelSize * kernelSize, random);
        _trainables = new ActivationTrainables<T, TActivation>(name, _activation, outChannels, sharing);
        _parameters = [Weight, Bias, .. _trainables.Parameters];
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel height and width.</summary>
    public int KernelSize { get; }

    /// <summary>Step between output positions.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on every side.</summary>
    public int Padding { get; }

    /// <summary>W, [outChannels, inChannels, kernel, kernel] row-major.</summary>
    public Parameter<T> Weight { get; }

    /// <summary>b, one per output channel.</summary>
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
        ShapeCheck.Require(input, Name, nameof(input), [-1, InChannels, -1, -1]);
        var geometry = new ConvGeometry(input.Dimension(0), InChannels, input.Dimension(2), input.Dimension(3), KernelSize, KernelSize, Stride, Padding);
        if (geometry.Height + 2 * Padding < KernelSize || geometry.Width + 2 * Padding < KernelSize)
            throw new ArgumentException($"{Name}: the input has shape {input.ShapeText}, smaller than the {KernelSize}×{KernelSize} kernel with padding {Padding}.", nameof(input));
        _geometry = geometry;
        int patch = geometry.PatchLength, positions = geometry.Positions;

        Tensor<T> columns = Tensor<T>.Reuse(ref _columns, [patch, positions]);
        geometry.Unfold<T>(input.Span, columns.Span);
        Tensor<T> product = Tensor<T>.Reuse(ref _product, [OutChannels, positions]);
        var bias = new RowBiasEpilogue<T>(Bias.Value);
        Gemm.Multiply(Weight.Value, columns.Span, product.Span, OutChannels, positions, patch, false, false, false, ref bias);

        Tensor<T> output = Tensor<T>.Reuse(ref _output, [geometry.Batch, OutChannels, geometry.OutputHeight, geometry.OutputWidth]);
        ActivationForward.PermutePlanes(_activation, _trainables, product.Buffer, output.Buffer, geometry.Batch, OutChannels, geometry.OutputPlane);
        _productIsPreActivation = IsTraining;
        _forwardDone = true;
        return output;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (!_forwardDone || _output is null || _product is null || _columns is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward in training mode first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", _output, "output");
        ConvGeometry geometry = _geometry;
        int patch = geometry.PatchLength, positions = geometry.Positions;

        // y is kept as the NCHW output, the pre-activation as the product itself ([outChannels, positions]).
        Tensor<T> dz = Tensor<T>.Reuse(ref _productGradient, [OutChannels, positions]);
        if (ActivationBackward.KeepsOutput<T, TActivation>())
        {
            Tensor<T> dzPlanes = Tensor<T>.Reuse(ref _preActivationGradient, _output.Shape);
            ActivationBackward.Planes(_activation, _trainables, _output.Buffer, outputGradient.Buffer, dzPlanes.Buffer, geometry.Batch, OutChannels, geometry.OutputPlane);
            ConvGeometry.Permute<T>(dzPlanes.Span, dz.Span, geometry.Batch, OutChannels, geometry.OutputPlane, toBatchFirst: false);
        }
        else
        {
            if (!_productIsPreActivation)
                throw new InvalidOperationException($"{Name}: Backward needs a Forward in training mode first.");
            Tensor<T> dy = Tensor<T>.Reuse(ref _preActivationGradient, [OutChannels, positions]);
            ConvGeometry.Permute<T>(outputGradient.Span, dy.Span, geometry.Batch, OutChannels, geometry.OutputPlane, toBatchFirst: false);
            ActivationBackward.Planes(_activation, _trainables, _product.Buffer, dy.Buffer, dz.Buffer, 1, OutChannels, positions);
        }

        // ∂W += ∂z·columnsᵀ, ∂b += row sums of ∂z, ∂columns = Wᵀ·∂z folded back onto the input.
        if (OutChannels * patch <= SmallWeightGradient)
            SpanMath.AddProductsTransposed<T>(dz.Span, _columns.Span, Weight.Gradient, OutChannels, patch, positions);
        else
            Gemm.Multiply<T>(dz.Span, _columns.Span, Weight.Gradient, OutChannels, patch, positions, transposeB: true, accumulate: true);
        Reductions.AddRowSums(dz.Span, Bias.Gradient, OutChannels, positions);
        if (!ComputeInputGradient)
        {
            Tensor<T> zeros = Tensor<T>.Reuse(ref _inputGradient, [geometry.Batch, InChannels, geometry.Height, geometry.Width]);
            zeros.Clear();
            return zeros;
        }
        Tensor<T> dColumns = Tensor<T>.Reuse(ref _columnsGradient, [patch, positions]);
        Gemm.Multiply<T>(Weight.Value, dz.Span, dColumns.Span, patch, positions, OutChannels, transposeA: true);
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref _inputGradient, [geometry.Batch, InChannels, geometry.Height, geometry.Width]);
        geometry.Fold<T>(dColumns.Span, inputGradient.Span);
        return inputGradient;
    }
}
