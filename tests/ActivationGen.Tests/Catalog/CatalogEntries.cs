using System;
using System.Collections.Generic;
using R = ActivationGen.Tests.Catalog.References;
using A = ActivationGen.Activations;

namespace ActivationGen.Tests.Catalog;

internal delegate void SpanForward(ReadOnlySpan<float> x, Span<float> y);

internal delegate void SpanBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx);

internal delegate void SpanForwardWithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> derivative);

internal delegate void SpanBackwardWithParameter(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, out float dParameter);

/// <summary>One catalog entry at fixed hyperparameters: its generated members and its double reference.</summary>
internal sealed record Entry(
    string Name,
    Func<float, float> Value,
    Func<float, float> Derivative,
    SpanForward Forward,
    SpanBackward Backward,
    SpanForwardWithDerivative WithDerivative,
    Func<double, double> Reference,
    Func<double, double> ReferenceDerivative,
    double[] Kinks)
{
    public override string ToString() => Name;
}

/// <summary>A trainable parameter of an entry: the backward that sums its gradient, and the reference ∂f/∂q.</summary>
internal sealed record TrainableEntry(
    string Name,
    float Parameter,
    SpanBackwardWithParameter Backward,
    Func<double, double, double> Reference,
    Func<double, double, double> ReferenceGradient)
{
    public override string ToString() => Name;
}

internal static class CatalogEntries
{
    /// <summary>Every entry of the catalog, at its default hyperparameters (Threshold at threshold 1, value −2).</summary>
    public static readonly string[] Names =
    [
        "Relu", "Relu6", "LeakyRelu", "Elu", "Selu", "Celu", "Gelu", "GeluTanh", "Silu", "Swish", "Mish", "Softplus",
        "Softsign", "HardTanh", "HardSigmoid", "HardSwish", "LogSigmoid", "Sigmoid", "Tanh", "TanhShrink",
        "SoftShrink", "HardShrink", "PRelu", "Threshold", "Squareplus", "Snake", "ScaledTanh", "Lisht", "LogCosh",
    ];

    public static IEnumerable<object[]> AllNames()
    {
        foreach (var name in Names)
            yield return [name];
    }

    public static Entry Default(string name) => Create(name, new Dictionary<string, double>());

    /// <summary>The entry called <paramref name="name"/> with the hyperparameters in <paramref name="p"/> (defaults for the rest).</summary>
    public static Entry Create(string name, IReadOnlyDictionary<string, double> p)
    {
        float P(string key, float fallback) => p.TryGetValue(key, out double v) ? (float)v : fallback;
        switch (name)
        {
            case "Relu":
                return new(name, x => A.Relu(x), x => A.ReluDerivative(x), (x, y) => A.Relu(x, y), (x, dy, dx) => A.ReluBackward(x, dy, dx), (x, y, d) => A.ReluWithDerivative(x, y, d), R.Relu, R.ReluD, [0]);
            case "Relu6":
                return new(name, x => A.Relu6(x), x => A.Relu6Derivative(x), (x, y) => A.Relu6(x, y), (x, dy, dx) => A.Relu6Backward(x, dy, dx), (x, y, d) => A.Relu6WithDerivative(x, y, d), R.Relu6, R.Relu6D, [0, 6]);
            case "LeakyRelu":
            {
                float s = P("slope", 0.01f);
                return new(name, x => A.LeakyRelu(x, s), x => A.LeakyReluDerivative(x, s), (x, y) => A.LeakyRelu(x, y, s), (x, dy, dx) => A.LeakyReluBackward(x, dy, dx, s), (x, y, d) => A.LeakyReluWithDerivative(x, y, d, s),
                    x => R.LeakyRelu(x, s), x => R.LeakyReluD(x, s), [0]);
            }
            case "Elu":
            {
                float a = P("alpha", 1f);
                return new(name, x => A.Elu(x, a), x => A.EluDerivative(x, a), (x, y) => A.Elu(x, y, a), (x, dy, dx) => A.EluBackward(x, dy, dx, a), (x, y, d) => A.EluWithDerivative(x, y, d, a),
                    x => R.Elu(x, a), x => R.EluD(x, a), [0]);
            }
            case "Selu":
                return new(name, x => A.Selu(x), x => A.SeluDerivative(x), (x, y) => A.Selu(x, y), (x, dy, dx) => A.SeluBackward(x, dy, dx), (x, y, d) => A.SeluWithDerivative(x, y, d), R.Selu, R.SeluD, [0]);
            case "Celu":
            {
                float a = P("alpha", 1f);
                return new(name, x => A.Celu(x, a), x => A.CeluDerivative(x, a), (x, y) => A.Celu(x, y, a), (x, dy, dx) => A.CeluBackward(x, dy, dx, a), (x, y, d) => A.CeluWithDerivative(x, y, d, a),
                    x => R.Celu(x, a), x => R.CeluD(x, a), [0]);
            }
            case "Gelu":
                return new(name, x => A.Gelu(x), x => A.GeluDerivative(x), (x, y) => A.Gelu(x, y), (x, dy, dx) => A.GeluBackward(x, dy, dx), (x, y, d) => A.GeluWithDerivative(x, y, d), R.Gelu, R.GeluD, []);
            case "GeluTanh":
                return new(name, x => A.GeluTanh(x), x => A.GeluTanhDerivative(x), (x, y) => A.GeluTanh(x, y), (x, dy, dx) => A.GeluTanhBackward(x, dy, dx), (x, y, d) => A.GeluTanhWithDerivative(x, y, d), R.GeluTanh, R.GeluTanhD, []);
            case "Silu":
                return new(name, x => A.Silu(x), x => A.SiluDerivative(x), (x, y) => A.Silu(x, y), (x, dy, dx) => A.SiluBackward(x, dy, dx), (x, y, d) => A.SiluWithDerivative(x, y, d), R.Silu, R.SiluD, []);
            case "Swish":
            {
                float b = P("beta", 1f);
                return new(name, x => A.Swish(x, b), x => A.SwishDerivative(x, b), (x, y) => A.Swish(x, y, b), (x, dy, dx) => A.SwishBackward(x, dy, dx, b), (x, y, d) => A.SwishWithDerivative(x, y, d, b),
                    x => R.Swish(x, b), x => R.SwishD(x, b), []);
            }
            case "Mish":
                return new(name, x => A.Mish(x), x => A.MishDerivative(x), (x, y) => A.Mish(x, y), (x, dy, dx) => A.MishBackward(x, dy, dx), (x, y, d) => A.MishWithDerivative(x, y, d), R.Mish, R.MishD, []);
            case "Softplus":
            {
                float b = P("beta", 1f), t = P("threshold", 20f);
                return new(name, x => A.Softplus(x, b, t), x => A.SoftplusDerivative(x, b, t), (x, y) => A.Softplus(x, y, b, t), (x, dy, dx) => A.SoftplusBackward(x, dy, dx, b, t), (x, y, d) => A.SoftplusWithDerivative(x, y, d, b, t),
                    x => R.Softplus(x, b, t), x => R.SoftplusD(x, b, t), []);
            }
            case "Softsign":
                return new(name, x => A.Softsign(x), x => A.SoftsignDerivative(x), (x, y) => A.Softsign(x, y), (x, dy, dx) => A.SoftsignBackward(x, dy, dx), (x, y, d) => A.SoftsignWithDerivative(x, y, d), R.Softsign, R.SoftsignD, []);
            case "HardTanh":
            {
                float lo = P("min", -1f), hi = P("max", 1f);
                return new(name, x => A.HardTanh(x, lo, hi), x => A.HardTanhDerivative(x, lo, hi), (x, y) => A.HardTanh(x, y, lo, hi), (x, dy, dx) => A.HardTanhBackward(x, dy, dx, lo, hi), (x, y, d) => A.HardTanhWithDerivative(x, y, d, lo, hi),
                    x => R.HardTanh(x, lo, hi), x => R.HardTanhD(x, lo, hi), [lo, hi]);
            }
            case "HardSigmoid":
                return new(name, x => A.HardSigmoid(x), x => A.HardSigmoidDerivative(x), (x, y) => A.HardSigmoid(x, y), (x, dy, dx) => A.HardSigmoidBackward(x, dy, dx), (x, y, d) => A.HardSigmoidWithDerivative(x, y, d), R.HardSigmoid, R.HardSigmoidD, [-3, 3]);
            case "HardSwish":
                return new(name, x => A.HardSwish(x), x => A.HardSwishDerivative(x), (x, y) => A.HardSwish(x, y), (x, dy, dx) => A.HardSwishBackward(x, dy, dx), (x, y, d) => A.HardSwishWithDerivative(x, y, d), R.HardSwish, R.HardSwishD, [-3, 3]);
            case "LogSigmoid":
                return new(name, x => A.LogSigmoid(x), x => A.LogSigmoidDerivative(x), (x, y) => A.LogSigmoid(x, y), (x, dy, dx) => A.LogSigmoidBackward(x, dy, dx), (x, y, d) => A.LogSigmoidWithDerivative(x, y, d), R.LogSigmoid, R.LogSigmoidD, []);
            case "Sigmoid":
                return new(name, x => A.Sigmoid(x), x => A.SigmoidDerivative(x), (x, y) => A.Sigmoid(x, y), (x, dy, dx) => A.SigmoidBackward(x, dy, dx), (x, y, d) => A.SigmoidWithDerivative(x, y, d), ReferenceMath.Sigmoid, R.SigmoidD, []);
            case "Tanh":
                return new(name, x => A.Tanh(x), x => A.TanhDerivative(x), (x, y) => A.Tanh(x, y), (x, dy, dx) => A.TanhBackward(x, dy, dx), (x, y, d) => A.TanhWithDerivative(x, y, d), Math.Tanh, R.TanhD, []);
            case "TanhShrink":
                return new(name, x => A.TanhShrink(x), x => A.TanhShrinkDerivative(x), (x, y) => A.TanhShrink(x, y), (x, dy, dx) => A.TanhShrinkBackward(x, dy, dx), (x, y, d) => A.TanhShrinkWithDerivative(x, y, d), R.TanhShrink, R.TanhShrinkD, []);
            case "SoftShrink":
            {
                float l = P("lambda", 0.5f);
                return new(name, x => A.SoftShrink(x, l), x => A.SoftShrinkDerivative(x, l), (x, y) => A.SoftShrink(x, y, l), (x, dy, dx) => A.SoftShrinkBackward(x, dy, dx, l), (x, y, d) => A.SoftShrinkWithDerivative(x, y, d, l),
                    x => R.SoftShrink(x, l), x => R.SoftShrinkD(x, l), [-l, 0, l]);
            }
            case "HardShrink":
            {
                float l = P("lambda", 0.5f);
                return new(name, x => A.HardShrink(x, l), x => A.HardShrinkDerivative(x, l), (x, y) => A.HardShrink(x, y, l), (x, dy, dx) => A.HardShrinkBackward(x, dy, dx, l), (x, y, d) => A.HardShrinkWithDerivative(x, y, d, l),
                    x => R.HardShrink(x, l), x => R.HardShrinkD(x, l), [-l, l]);
            }
            case "PRelu":
            {
                float a = P("a", 0.25f);
                return new(name, x => A.PRelu(x, a), x => A.PReluDerivative(x, a), (x, y) => A.PRelu(x, y, a), (x, dy, dx) => A.PReluBackward(x, dy, dx, a), (x, y, d) => A.PReluWithDerivative(x, y, d, a),
                    x => R.PRelu(x, a), x => R.PReluD(x, a), [0]);
            }
            case "Threshold":
            {
                float t = P("threshold", 1f), v = P("value", -2f);
                return new(name, x => A.Threshold(x, t, v), x => A.ThresholdDerivative(x, t, v), (x, y) => A.Threshold(x, y, t, v), (x, dy, dx) => A.ThresholdBackward(x, dy, dx, t, v), (x, y, d) => A.ThresholdWithDerivative(x, y, d, t, v),
                    x => R.Threshold(x, t, v), x => R.ThresholdD(x, t, v), [t]);
            }
            case "Squareplus":
            {
                float b = P("b", 4f);
                return new(name, x => A.Squareplus(x, b), x => A.SquareplusDerivative(x, b), (x, y) => A.Squareplus(x, y, b), (x, dy, dx) => A.SquareplusBackward(x, dy, dx, b), (x, y, d) => A.SquareplusWithDerivative(x, y, d, b),
                    x => R.Squareplus(x, b), x => R.SquareplusD(x, b), []);
            }
            case "Snake":
            {
                float f = P("freq", 1f);
                return new(name, x => A.Snake(x, f), x => A.SnakeDerivative(x, f), (x, y) => A.Snake(x, y, f), (x, dy, dx) => A.SnakeBackward(x, dy, dx, f), (x, y, d) => A.SnakeWithDerivative(x, y, d, f),
                    x => R.Snake(x, f), x => R.SnakeD(x, f), []);
            }
            case "ScaledTanh":
                return new(name, x => A.ScaledTanh(x), x => A.ScaledTanhDerivative(x), (x, y) => A.ScaledTanh(x, y), (x, dy, dx) => A.ScaledTanhBackward(x, dy, dx), (x, y, d) => A.ScaledTanhWithDerivative(x, y, d), R.ScaledTanh, R.ScaledTanhD, []);
            case "Lisht":
                return new(name, x => A.Lisht(x), x => A.LishtDerivative(x), (x, y) => A.Lisht(x, y), (x, dy, dx) => A.LishtBackward(x, dy, dx), (x, y, d) => A.LishtWithDerivative(x, y, d), R.Lisht, R.LishtD, []);
            case "LogCosh":
                return new(name, x => A.LogCosh(x), x => A.LogCoshDerivative(x), (x, y) => A.LogCosh(x, y), (x, dy, dx) => A.LogCoshBackward(x, dy, dx), (x, y, d) => A.LogCoshWithDerivative(x, y, d), R.LogCosh, R.LogCoshD, []);
            default:
                throw new ArgumentException($"No catalog entry '{name}'.", nameof(name));
        }
    }

    /// <summary>The trainable parameters of the catalog, each at a few values.</summary>
    public static IEnumerable<TrainableEntry> Trainables()
    {
        foreach (float beta in new[] { 1f, 0.5f, 1.75f })
            yield return new($"Swish(beta={beta})", beta, (ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, out float d) => A.SwishBackward(x, dy, dx, beta, out d), R.Swish, R.SwishDBeta);
        foreach (float a in new[] { 0.25f, -0.1f, 1.5f })
            yield return new($"PRelu(a={a})", a, (ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, out float d) => A.PReluBackward(x, dy, dx, a, out d), R.PRelu, R.PReluDA);
        foreach (float freq in new[] { 1f, 0.5f, 3f })
            yield return new($"Snake(freq={freq})", freq, (ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, out float d) => A.SnakeBackward(x, dy, dx, freq, out d), R.Snake, R.SnakeDA);
    }
}
