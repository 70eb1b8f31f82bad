using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A gated linear unit with any two-input gate: y = g(x·Wa + ba, x·Wb + bb) over the last dimension of its input
/// ([…, inputSize] → […, units]; a sequence [batch, seq, inputSize] is gated step by step).
/// </summary>
/// <remarks>
/// With <see cref="SequenceActivations.GaussianGate(float, float, float, float)"/>, y = e^(−½((a − mean)/std)²)·b:
/// the value b passes where the gate projection a lies near mean, mean and std learnable (one per unit, or
/// shared). The gate runs in the epilogue of the second product, over each finished panel of b while it is in
/// cache. Wa and Wb are [inputSize, units], row-major, as in <see cref="Dense{T, TActivation}"/>.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TGate">The gate, an activation of two inputs (a, b).</typeparam>
public sealed class GatedLinearUnit<T, TGate> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TGate : struct, IBinaryActivation<T>
{
    private readonly TGate gate;
    private readonly ActivationTrainables<T, TGate> trainables;
    private readonly Parameter<T>[] parameters;
    private Tensor<T>? input, output, gateInput, valueInput, gateGradient, valueGradient, inputGradient;

    /// <summary>A unit of <paramref name="units"/> outputs reading <paramref name="inputSize"/> features.</summary>
    /// <param name="inputSize">Features of the input's last dimension.</param>
    /// <param name="units">Features of the output's last dimension.</param>
    /// <param name="random">The seeded source of the initial weights (Xavier uniform; biases start at zero).</param>
    /// <param name="gateActivation">The gate's hyperparameters; null for its declared defaults.</param>
    /// <param name="sharing">One trainable gate parameter per unit, or one shared.</param>
    /// <param name="name">The layer's name, prefixing its parameters' names.</param>
    public GatedLinearUnit(int inputSize, int units, Random random, TGate? gateActivation = null,
        TrainableSharing sharing = TrainableSharing.PerChannel, string name = "glu")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        InputSize = inputSize;
        Units = units;
        Name = name;
        gate = gateActivation ?? new TGate();
        GateWeight = new Parameter<T>($"{name}.gateWeight", inputSize * units);
        GateBias = new Parameter<T>($"{name}.gateBias", units);
        ValueWeight = new Parameter<T>($"{name}.valueWeight", inputSize * units);
        ValueBias = new Parameter<T>($"{name}.valueBias", units);
        Initialization.Fill<T>(GateWeight.Value, WeightInit.Xavier, inputSize, units, random);
        Initialization.Fill<T>(ValueWeight.Value, WeightInit.Xavier, inputSize, units, random);
        trainables = new ActivationTrainables<T, TGate>(name, gate, units, sharing);
        parameters = [GateWeight, GateBias, ValueWeight, ValueBias, .. trainables.Parameters];
    }

    /// <summary>Features of the input's last dimension.</summary>
    public int InputSize { get; }

    /// <summary>Features of the output's last dimension.</summary>
    public int Units { get; }

    /// <summary>Wa, [inputSize, units]: the projection fed to the gate's first input.</summary>
    public Parameter<T> GateWeight { get; }

    /// <summary>ba, one per unit.</summary>
    public Parameter<T> GateBias { get; }

    /// <summary>Wb, [inputSize, units]: the projection fed to the gate's second input.</summary>
    public Parameter<T> ValueWeight { get; }

    /// <summary>bb, one per unit.</summary>
    public Parameter<T> ValueBias { get; }

    /// <summary>The gate's trainable parameters (mean and std for the Gaussian gate), in declaration order.</summary>
    public IReadOnlyList<Parameter<T>> GateParameters => trainables.Parameters;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining { get; set; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<int> shape = stackalloc int[Math.Max(input.Rank, 1)];
        shape.Fill(-1);
        shape[^1] = InputSize;
        ShapeCheck.Require(input, Name, nameof(input), shape);
        int rows = input.Length / InputSize;
        input.Shape.CopyTo(shape);
        shape[^1] = Units;
        this.input = input;
        Tensor<T> output = Tensor<T>.Reuse(ref this.output, shape);
        Tensor<T> a = Tensor<T>.Reuse(ref gateInput, [rows, Units]);
        Tensor<T> b = Tensor<T>.Reuse(ref valueInput, [rows, Units]);

        var addBias = new BiasEpilogue<T>(GateBias.Value);
        Gemm.Multiply(input.Span, GateWeight.Value, a.Span, rows, Units, InputSize, false, false, false, ref addBias);
        var applyGate = new GateEpilogue(this, a.Buffer, output.Buffer);
        Gemm.Multiply(input.Span, ValueWeight.Value, b.Span, rows, Units, InputSize, false, false, false, ref applyGate);
        return output;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (input is null || output is null || gateInput is null || valueInput is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", output, "output");
        int rows = input.Length / InputSize;
        Tensor<T> da = Tensor<T>.Reuse(ref gateGradient, [rows, Units]);
        Tensor<T> db = Tensor<T>.Reuse(ref valueGradient, [rows, Units]);
        var loop = new GateBackward(this, outputGradient.Buffer, da.Buffer, db.Buffer) { Rows = rows };
        VectorCascade.Run<T, GateBackward>(ref loop, 0, Units);

        // ∂Wa += xᵀ·∂a, ∂ba += Σ ∂a, likewise for b; ∂x = ∂a·Waᵀ + ∂b·Wbᵀ.
        Gemm.Multiply<T>(input.Span, da.Span, GateWeight.Gradient, InputSize, Units, rows, transposeA: true, accumulate: true);
        Gemm.Multiply<T>(input.Span, db.Span, ValueWeight.Gradient, InputSize, Units, rows, transposeA: true, accumulate: true);
        Reductions.AddColumnSums<T>(da.Span, GateBias.Gradient, rows, Units);
        Reductions.AddColumnSums<T>(db.Span, ValueBias.Gradient, rows, Units);
        Span<int> shape = stackalloc int[input.Rank];
        input.Shape.CopyTo(shape);
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref this.inputGradient, shape);
        Gemm.Multiply<T>(da.Span, GateWeight.Value, inputGradient.Span, rows, InputSize, Units, transposeB: true);
        Gemm.Multiply<T>(db.Span, ValueWeight.Value, inputGradient.Span, rows, InputSize, Units, transposeB: true, accumulate: true);
        return inputGradient;
    }

    /// <summary>
    /// The second product's epilogue: b = x·Wb + bb is kept while in registers, and y = g(a, b) written over each
    /// finished panel of b while it is in cache.
    /// </summary>
    private readonly struct GateEpilogue(GatedLinearUnit<T, TGate> layer, T[] gateInput, T[] output) : IGemmEpilogue<T>
    {
        public TV Apply<TV>(TV accumulator, int row, int column)
            where TV : struct, IVectorBits<TV, T>
            => accumulator + TV.LoadUnsafe(ref layer.ValueBias.Value[0], (nuint)column);

        /// <inheritdoc/>
        public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
            => PanelLoop.Run(new Gate(layer, gateInput, output), ref block, stride, row, rows, column, columns);
    }

    /// <summary>y = g(a, b) for a column of vectors of b, the column's trainables loaded once.</summary>
    private readonly struct Gate(GatedLinearUnit<T, TGate> layer, T[] gateInput, T[] output) : IPanelBody<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TV>(ref T results, nint stride, int row, int rows, int column, Span<TV> room)
            where TV : struct, IVectorBits<TV, T>
        {
            Span<TV> trainables = room[..TGate.TrainableCount];
            layer.trainables.LoadLanes(trainables, column);
            ref T a = ref MemoryMarshal.GetArrayDataReference(gateInput);
            ref T y = ref MemoryMarshal.GetArrayDataReference(output);
            for (int r = 0; r < rows; r++)
            {
                nuint at = (nuint)((row + r) * layer.Units + column);
                TV b = TV.LoadUnsafe(ref Unsafe.Add(ref results, r * stride), 0);
                TV.StoreUnsafe(layer.gate.Forward(TV.LoadUnsafe(ref a, at), b, trainables), ref y, at);
            }
        }
    }

    /// <summary>The gate's backward over every row: ∂a, ∂b and the trainables' per-channel sums from ∂y.</summary>
    private struct GateBackward(GatedLinearUnit<T, TGate> layer, T[] outputGradient, T[] gateGradient, T[] valueGradient) : IVectorLoop<T>
    {
        public int Rows;

        // Not inlined, and every row in one call per width (as Dense's backward): a call per row and width costs
        // about as much as the gate, and inlined into the caller's loop the kernel may run the JIT out of locals.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            ref T a = ref MemoryMarshal.GetArrayDataReference(layer.gateInput!.Buffer);
            ref T b = ref MemoryMarshal.GetArrayDataReference(layer.valueInput!.Buffer);
            ref T dy = ref MemoryMarshal.GetArrayDataReference(outputGradient);
            ref T da = ref MemoryMarshal.GetArrayDataReference(gateGradient);
            ref T db = ref MemoryMarshal.GetArrayDataReference(valueGradient);
            Unsafe.SkipInit(out TrainableVectors<TV> values); // every element used is written before it is read
            Unsafe.SkipInit(out TrainableVectors<TV> gradients);
            Span<TV> trainables = ((Span<TV>)values)[..TGate.TrainableCount];
            Span<TV> trainableGradients = ((Span<TV>)gradients)[..TGate.TrainableCount];
            int units = layer.Units, end = from;
            for (int row = 0; row < Rows; row++)
            {
                for (end = from; end + TV.Count <= to; end += TV.Count)
                {
                    nuint i = (nuint)(row * units + end);
                    layer.trainables.LoadLanes(trainables, end);
                    layer.gate.Backward(TV.LoadUnsafe(ref a, i), TV.LoadUnsafe(ref b, i), TV.LoadUnsafe(ref dy, i), trainables,
                        out TV gateDerivative, out TV valueDerivative, trainableGradients);
                    TV.StoreUnsafe(gateDerivative, ref da, i);
                    TV.StoreUnsafe(valueDerivative, ref db, i);
                    layer.trainables.AddLanes<TV>(trainableGradients, end);
                }
            }
            return end;
        }
    }
}
