using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// Single-head scaled dot-product self-attention over [batch, seq, hidden]: Q = φ(x·Wq + bq), K = φ(x·Wk + bk),
/// V = φ(x·Wv + bv) with any projection activation φ, P = softmax(Q·Kᵀ/√hidden) per sample (rows sum to 1), and
/// y = g(P·V·Wo + bo) with the output activation g (GELU in the usual configuration).
/// </summary>
/// <remarks>
/// The four projections are <see cref="Dense{T, TActivation}"/> layers, so each activation runs in its product's
/// epilogue and keeps only what its backward needs. The score product applies 1/√hidden in its epilogue; the
/// softmax is the catalog's stable one for <see cref="float"/>. <see cref="AttentionMap"/> keeps the last P, which
/// the tour draws as a heat map. There is no mask: every position attends to every other.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
/// <typeparam name="TProjection">The activation of the query, key and value projections (tanh, ReLU…).</typeparam>
/// <typeparam name="TOutput">The activation of the output projection (GELU).</typeparam>
public sealed class SelfAttention<T, TProjection, TOutput> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TProjection : struct, IUnaryActivation<T>
    where TOutput : struct, IUnaryActivation<T>
{
    private readonly Dense<T, TProjection> query, key, value;
    private readonly Dense<T, TOutput> output;
    private readonly Parameter<T>[] parameters;
    private readonly T scale;
    private Tensor<T>? inputView, outputView, outputGradientView;
    private Tensor<T>? queries, keys, values;
    private Tensor<T>? attention, mixed, attentionGradient, queryGradient, keyGradient, valueGradient, inputGradient;
    private bool isTraining = true;

    /// <summary>Attention over <paramref name="hidden"/> features per position.</summary>
    /// <param name="hidden">Features per position, of the input and of the output.</param>
    /// <param name="random">The seeded source of the four projections' initial weights.</param>
    /// <param name="projection">The projection activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="outputActivation">The output activation's hyperparameters; null for its declared defaults.</param>
    /// <param name="init">The projections' weight initialization.</param>
    /// <param name="sharing">One trainable activation parameter per feature, or one shared, in each projection.</param>
    /// <param name="name">The layer's name; the projections are <c>name.query</c>, <c>name.key</c>, <c>name.value</c>, <c>name.output</c>.</param>
    public SelfAttention(int hidden, Random random, TProjection? projection = null, TOutput? outputActivation = null,
        WeightInit init = WeightInit.Xavier, TrainableSharing sharing = TrainableSharing.PerChannel, string name = "attention")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        Hidden = hidden;
        Name = name;
        scale = T.One / T.Sqrt(T.CreateChecked(hidden));
        query = new Dense<T, TProjection>(hidden, hidden, random, projection, init, sharing, $"{name}.query");
        key = new Dense<T, TProjection>(hidden, hidden, random, projection, init, sharing, $"{name}.key");
        value = new Dense<T, TProjection>(hidden, hidden, random, projection, init, sharing, $"{name}.value");
        output = new Dense<T, TOutput>(hidden, hidden, random, outputActivation, init, sharing, $"{name}.output");
        parameters = [.. query.Parameters, .. key.Parameters, .. value.Parameters, .. output.Parameters];
    }

    /// <summary>Features per position.</summary>
    public int Hidden { get; }

    /// <summary>The query projection, φ(x·Wq + bq).</summary>
    public Dense<T, TProjection> Query => query;

    /// <summary>The key projection, φ(x·Wk + bk).</summary>
    public Dense<T, TProjection> Key => key;

    /// <summary>The value projection, φ(x·Wv + bv).</summary>
    public Dense<T, TProjection> Value => value;

    /// <summary>The output projection, g(P·V·Wo + bo).</summary>
    public Dense<T, TOutput> Output => output;

    /// <summary>The attention weights of the last forward, [batch, seq, seq]: row i of sample b is how position i spreads over the positions.</summary>
    /// <exception cref="InvalidOperationException">No forward has run.</exception>
    public Tensor<T> AttentionMap => attention ?? throw new InvalidOperationException($"{Name}: no forward has run yet.");

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining
    {
        get => isTraining;
        set => isTraining = query.IsTraining = key.IsTraining = this.value.IsTraining = output.IsTraining = value;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ShapeCheck.Require(input, Name, nameof(input), [-1, -1, Hidden]);
        int batch = input.Dimension(0), steps = input.Dimension(1), rows = batch * steps, block = steps * Hidden, map = steps * steps;
        Tensor<T> x = input.ViewAs(ref inputView, [rows, Hidden]);
        Tensor<T> q = queries = query.Forward(x);
        Tensor<T> k = keys = key.Forward(x);
        Tensor<T> v = values = value.Forward(x);
        Tensor<T> p = Tensor<T>.Reuse(ref attention, [batch, steps, steps]);
        Tensor<T> o = Tensor<T>.Reuse(ref mixed, [rows, Hidden]);
        var scaleScores = new ScaleEpilogue<T>(scale);
        for (int b = 0; b < batch; b++)
        {
            Span<T> scores = p.Span.Slice(b * map, map);
            Gemm.Multiply(q.Span.Slice(b * block, block), k.Span.Slice(b * block, block), scores, steps, steps, Hidden,
                transposeA: false, transposeB: true, accumulate: false, ref scaleScores);
            StableSoftmax.Rows(scores, steps);
            Gemm.Multiply<T>(scores, v.Span.Slice(b * block, block), o.Span.Slice(b * block, block), steps, Hidden, steps);
        }
        return output.Forward(o).ViewAs(ref outputView, [batch, steps, Hidden]);
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (inputView is null || outputView is null || attention is null || queries is null || keys is null || values is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", outputView, "output");
        int batch = attention.Dimension(0), steps = attention.Dimension(1), rows = batch * steps, block = steps * Hidden, map = steps * steps;
        Tensor<T> dO = output.Backward(outputGradient.ViewAs(ref outputGradientView, [rows, Hidden]));
        Tensor<T> dP = Tensor<T>.Reuse(ref attentionGradient, [batch, steps, steps]);
        Tensor<T> dQ = Tensor<T>.Reuse(ref queryGradient, [rows, Hidden]);
        Tensor<T> dK = Tensor<T>.Reuse(ref keyGradient, [rows, Hidden]);
        Tensor<T> dV = Tensor<T>.Reuse(ref valueGradient, [rows, Hidden]);
        var scaleScores = new ScaleEpilogue<T>(scale);
        for (int b = 0; b < batch; b++)
        {
            ReadOnlySpan<T> p = attention.Span.Slice(b * map, map);
            ReadOnlySpan<T> mixedGradient = dO.Span.Slice(b * block, block);
            Span<T> scoreGradient = dP.Span.Slice(b * map, map);
            // ∂P = ∂O·Vᵀ, ∂V = Pᵀ·∂O; through the softmax; ∂Q = ∂S·K/√d, ∂K = ∂Sᵀ·Q/√d.
            Gemm.Multiply<T>(mixedGradient, values.Span.Slice(b * block, block), scoreGradient, steps, steps, Hidden, transposeB: true);
            Gemm.Multiply<T>(p, mixedGradient, dV.Span.Slice(b * block, block), steps, Hidden, steps, transposeA: true);
            StableSoftmax.Backward(p, scoreGradient, steps);
            Gemm.Multiply(scoreGradient, keys.Span.Slice(b * block, block), dQ.Span.Slice(b * block, block), steps, Hidden, steps,
                transposeA: false, transposeB: false, accumulate: false, ref scaleScores);
            Gemm.Multiply(scoreGradient, queries.Span.Slice(b * block, block), dK.Span.Slice(b * block, block), steps, Hidden, steps,
                transposeA: true, transposeB: false, accumulate: false, ref scaleScores);
        }

        Span<int> shape = [batch, steps, Hidden];
        Tensor<T> inputGradient = Tensor<T>.Reuse(ref this.inputGradient, shape);
        query.Backward(dQ).Span.CopyTo(inputGradient.Span);
        SpanMath.AddInPlace(inputGradient.Span, key.Backward(dK).Span);
        SpanMath.AddInPlace(inputGradient.Span, value.Backward(dV).Span);
        return inputGradient;
    }
}
