using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// Batch normalization per channel over [batch, channels] or [batch, channels, height, width], then the activation
/// <typeparamref name="TActivation"/> in the same normalize pass: y = f(γ·x̂ + β).
/// </summary>
/// <remarks>
/// Training mode normalizes with the batch's mean and biased variance and moves the running averages toward the
/// batch's mean and unbiased variance by <see cref="Momentum"/> (PyTorch's convention); inference mode normalizes
/// with the running averages.
/// </remarks>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
/// <typeparam name="TActivation">The activation applied after the affine step; <see cref="Identity{T}"/> for none.</typeparam>
public sealed class BatchNorm<T, TActivation> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IUnaryActivation<T>
{
    private readonly TActivation _activation;
    private readonly ActivationTrainables<T, TActivation> _trainables;
    private readonly Parameter<T>[] _parameters;
    private readonly T[] _mean, _inverseDeviation, _sumGradient, _sumGradientTimesNormalized;
    private Tensor<T>? _normalized, _preActivation, _output, _preActivationGradient, _inputGradient;
    private int _batch, _plane;
    private bool _forwardWasTraining;

    /// <summary>A batch norm with γ = 1, β = 0, running mean 0 and running variance 1.</summary>
    /// <param name="channels">Channels (dimension 1 of the input).</param>
    /// <param name="activation">The activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="momentum">Weight of the batch in the running averages' update.</param>
    /// <param name="epsilon">Added to the variance before the square root.</param>
    /// <param name="sharing">One trainable activation parameter per channel, or one shared.</param>
    /// <param name="name">The layer's name, prefixing its parameters' names.</param>
    public BatchNorm(int channels, TActivation? activation = null, double momentum = 0.1, double epsilon = 1e-5,
        TrainableSharing sharing = TrainableSharing.PerChannel, string name = "batchnorm")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (!(momentum is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must lie in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        Channels = channels;
        Momentum = momentum;
        Epsilon = epsilon;
        Name = name;
        _activation = activation ?? new TActivation();
        Scale = new Parameter<T>($"{name}.weight", channels);
        Scale.Value.AsSpan().Fill(T.One);
        Shift = new Parameter<T>($"{name}.bias", channels);
        RunningMean = new T[channels];
        RunningVariance = new T[channels];
        RunningVariance.AsSpan().Fill(T.One);
        _mean = new T[channels];
        _inverseDeviation = new T[channels];
        _sumGradient = new T[channels];
        _sumGradientTimesNormalized = new T[channels];
        _trainables = new ActivationTrainables<T, TActivation>(name, _activation, channels, sharing);
        _parameters = [Scale, Shift, .. _trainables.Parameters];
    }

    /// <summary>Channels.</summary>
    public int Channels { get; }

    /// <summary>Weight of the batch in the running averages' update.</summary>
    public double Momentum { get; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>γ, one per channel.</summary>
    public Parameter<T> Scale { get; }

    /// <summary>β, one per channel.</summary>
    public Parameter<T> Shift { get; }

    /// <summary>The running mean per channel, used in inference mode.</summary>
    public T[] RunningMean { get; }

    /// <summary>The running (unbiased) variance per channel, used in inference mode.</summary>
    public T[] RunningVariance { get; }

    /// <summary>The activation's trainable parameters, in declaration order.</summary>
    public IReadOnlyList<Parameter<T>> ActivationParameters => _trainables.Parameters;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining { get; set; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        if (input.Rank == 2)
            ShapeCheck.Require(input, Name, nameof(input), [-1, Channels]);
        else
            ShapeCheck.Require(input, Name, nameof(input), [-1, Channels, -1, -1]);
        _batch = input.Dimension(0);
        _plane = input.Rank == 2 ? 1 : input.Dimension(2) * input.Dimension(3);
        int count = _batch * _plane;
        if (IsTraining && count < 2)
            throw new ArgumentException($"{Name}: the input has shape {input.ShapeText}; training needs at least two values per channel.", nameof(input));

        T epsilon = T.CreateChecked(Epsilon);
        ReadOnlySpan<T> x = input.Span;
        if (IsTraining)
        {
            T momentum = T.CreateChecked(Momentum), n = T.CreateChecked(count);
            for (int c = 0; c < Channels; c++)
            {
                T sum = T.Zero;
                for (int b = 0; b < _batch; b++)
                    foreach (T value in x.Slice((b * Channels + c) * _plane, _plane))
                        sum += value;
                T mean = sum / n, squares = T.Zero;
                for (int b = 0; b < _batch; b++)
                    foreach (T value in x.Slice((b * Channels + c) * _plane, _plane))
                        squares += (value - mean) * (value - mean);
                T variance = squares / n;
                _mean[c] = mean;
                _inverseDeviation[c] = T.One / T.Sqrt(variance + epsilon);
                RunningMean[c] += momentum * (mean - RunningMean[c]);
                RunningVariance[c] += momentum * (squares / (n - T.One) - RunningVariance[c]);
            }
        }
        else
        {
            for (int c = 0; c < Channels; c++)
            {
                _mean[c] = RunningMean[c];
                _inverseDeviation[c] = T.One / T.Sqrt(RunningVariance[c] + epsilon);
            }
        }

        Tensor<T> output = Tensor<T>.Reuse(ref _output, input.Shape);
        Tensor<T> normalized = Tensor<T>.Reuse(ref _normalized, input.Shape);
        bool keepPreActivation = !ActivationBackward.KeepsOutput<T, TActivation>();
        var loop = new NormalizeLoop
        {
            Activation = _activation,
            Trainables = _trainables,
            Input = input.Buffer,
            Normalized = normalized.Buffer,
            PreActivation = keepPreActivation ? Tensor<T>.Reuse(ref _preActivation, input.Shape).Buffer : null,
            Output = output.Buffer,
        };
        for (int b = 0; b < _batch; b++)
            for (int c = 0; c < Channels; c++)
            {
                loop.Start = (b * Channels + c) * _plane;
                loop.Channel = c;
                loop.Mean = _mean[c];
                loop.InverseDeviation = _inverseDeviation[c];
                loop.Scale = Scale.Value[c];
                loop.Shift = Shift.Value[c];
                VectorCascade.Run<T, NormalizeLoop>(ref loop, 0, _plane);
            }
        _forwardWasTraining = IsTraining;
        return output;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (_output is null || _normalized is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", _output, "output");
        T[] kept = ActivationBackward.KeepsOutput<T, TActivation>() ? _output.Buffer : _preActivation!.Buffer;
        Tensor<T> dz = Tensor<T>.Reuse(ref _preActivationGradient, _output.Shape);
        ActivationBackward.Planes(_activation, _trainables, kept, outputGradient.Buffer, dz.Buffer, _batch, Channels, _plane);

        ReadOnlySpan<T> dzs = dz.Span, xhat = _normalized.Span;
        for (int c = 0; c < Channels; c++)
        {
            T sum = T.Zero, weighted = T.Zero;
            for (int b = 0; b < _batch; b++)
            {
                int start = (b * Channels + c) * _plane;
                for (int i = start; i < start + _plane; i++)
                {
                    sum += dzs[i];
                    weighted += dzs[i] * xhat[i];
                }
            }
            _sumGradient[c] = sum;
            _sumGradientTimesNormalized[c] = weighted;
            Shift.Gradient[c] += sum;
            Scale.Gradient[c] += weighted;
        }

        // Training: the batch statistics depend on x, ∂x = γ/σ · (∂z − mean(∂z) − x̂·mean(∂z·x̂)); inference: ∂x = γ/σ · ∂z.
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref _inputGradient, _output.Shape);
        Span<T> dx = inputGradient.Span;
        T n = T.CreateChecked(_batch * _plane);
        for (int c = 0; c < Channels; c++)
        {
            T factor = Scale.Value[c] * _inverseDeviation[c];
            T meanGradient = _forwardWasTraining ? _sumGradient[c] / n : T.Zero;
            T meanWeighted = _forwardWasTraining ? _sumGradientTimesNormalized[c] / n : T.Zero;
            for (int b = 0; b < _batch; b++)
            {
                int start = (b * Channels + c) * _plane;
                for (int i = start; i < start + _plane; i++)
                    dx[i] = factor * (dzs[i] - meanGradient - xhat[i] * meanWeighted);
            }
        }
        return inputGradient;
    }

    /// <summary>x̂ = (x − μ)/σ, z = γ·x̂ + β, y = f(z) over one channel's plane of one sample, keeping x̂ (and z when backward needs it).</summary>
    private struct NormalizeLoop : IVectorLoop<T>
    {
        public TActivation Activation;
        public ActivationTrainables<T, TActivation> Trainables;
        public T[] Input, Normalized, Output;
        public T[]? PreActivation;
        public int Start, Channel;
        public T Mean, InverseDeviation, Scale, Shift;

        // Not inlined: inlined into the caller's loop the JIT leaves the kernel's vector operators as calls (several times slower).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            Unsafe.SkipInit(out TrainableVectors<TV> values); // LoadBroadcast writes every element used
            Span<TV> trainables = ((Span<TV>)values)[..TActivation.TrainableCount];
            Trainables.LoadBroadcast(trainables, Channel);
            TV mean = TV.Create(Mean), inverseDeviation = TV.Create(InverseDeviation), scale = TV.Create(Scale), shift = TV.Create(Shift);
            ref T x = ref MemoryMarshal.GetArrayDataReference(Input);
            ref T xhat = ref MemoryMarshal.GetArrayDataReference(Normalized);
            ref T y = ref MemoryMarshal.GetArrayDataReference(Output);
            for (; from + TV.Count <= to; from += TV.Count)
            {
                nuint i = (nuint)(Start + from);
                TV normalized = (TV.LoadUnsafe(ref x, i) - mean) * inverseDeviation;
                TV z = TV.MultiplyAdd(normalized, scale, shift);
                TV.StoreUnsafe(normalized, ref xhat, i);
                if (PreActivation is not null)
                    TV.StoreUnsafe(z, ref MemoryMarshal.GetArrayDataReference(PreActivation), i);
                TV.StoreUnsafe(Activation.Forward(z, trainables), ref y, i);
            }
            return from;
        }
    }
}
