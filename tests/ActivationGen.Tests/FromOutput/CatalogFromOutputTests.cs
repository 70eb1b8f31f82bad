using System;
using System.Collections.Generic;
using System.Linq;
using A = ActivationGen.Activations;

namespace ActivationGen.Tests.FromOutput;

/// <summary>
/// Every catalog entry with a backward-from-output member agrees with its backward from the input, over a grid
/// that holds every threshold and its neighbours, at random hyperparameters drawn independently (both signs,
/// both orders of two, Threshold with threshold ≠ value, HardTanh with min ≠ max either way round). Where the
/// generator found a condition on the hyperparameters, the member throws exactly where it does not hold.
/// </summary>
public sealed class CatalogFromOutputTests
{
    private delegate void Forward(ReadOnlySpan<float> x, Span<float> y, float[] p);
    private delegate void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, float[] p);
    private delegate void FromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, float[] p);

    private sealed record Case(int Parameters, Forward Forward, Backward Backward, FromOutput FromOutput, Func<float[], bool> Allowed);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Relu"] = new(0, (x, y, p) => A.Relu(x, y), (x, dy, dx, p) => A.ReluBackward(x, dy, dx), (y, dy, dx, p) => A.ReluBackwardFromOutput(y, dy, dx), _ => true),
        ["Relu6"] = new(0, (x, y, p) => A.Relu6(x, y), (x, dy, dx, p) => A.Relu6Backward(x, dy, dx), (y, dy, dx, p) => A.Relu6BackwardFromOutput(y, dy, dx), _ => true),
        ["LogSigmoid"] = new(0, (x, y, p) => A.LogSigmoid(x, y), (x, dy, dx, p) => A.LogSigmoidBackward(x, dy, dx), (y, dy, dx, p) => A.LogSigmoidBackwardFromOutput(y, dy, dx), _ => true),
        ["Sigmoid"] = new(0, (x, y, p) => A.Sigmoid(x, y), (x, dy, dx, p) => A.SigmoidBackward(x, dy, dx), (y, dy, dx, p) => A.SigmoidBackwardFromOutput(y, dy, dx), _ => true),
        ["Tanh"] = new(0, (x, y, p) => A.Tanh(x, y), (x, dy, dx, p) => A.TanhBackward(x, dy, dx), (y, dy, dx, p) => A.TanhBackwardFromOutput(y, dy, dx), _ => true),
        ["Selu"] = new(0, (x, y, p) => A.Selu(x, y), (x, dy, dx, p) => A.SeluBackward(x, dy, dx), (y, dy, dx, p) => A.SeluBackwardFromOutput(y, dy, dx), _ => true),
        ["HardSigmoid"] = new(0, (x, y, p) => A.HardSigmoid(x, y), (x, dy, dx, p) => A.HardSigmoidBackward(x, dy, dx), (y, dy, dx, p) => A.HardSigmoidBackwardFromOutput(y, dy, dx), _ => true),
        ["Elu"] = new(1, (x, y, p) => A.Elu(x, y, p[0]), (x, dy, dx, p) => A.EluBackward(x, dy, dx, p[0]), (y, dy, dx, p) => A.EluBackwardFromOutput(y, dy, dx, p[0]), p => p[0] >= 0),
        ["LeakyRelu"] = new(1, (x, y, p) => A.LeakyRelu(x, y, p[0]), (x, dy, dx, p) => A.LeakyReluBackward(x, dy, dx, p[0]), (y, dy, dx, p) => A.LeakyReluBackwardFromOutput(y, dy, dx, p[0]), p => p[0] >= 0),
        ["PRelu"] = new(1, (x, y, p) => A.PRelu(x, y, p[0]), (x, dy, dx, p) => A.PReluBackward(x, dy, dx, p[0]), (y, dy, dx, p) => A.PReluBackwardFromOutput(y, dy, dx, p[0]), p => p[0] >= 0),
        ["SoftShrink"] = new(1, (x, y, p) => A.SoftShrink(x, y, p[0]), (x, dy, dx, p) => A.SoftShrinkBackward(x, dy, dx, p[0]), (y, dy, dx, p) => A.SoftShrinkBackwardFromOutput(y, dy, dx, p[0]), _ => true),
        ["HardTanh"] = new(2, (x, y, p) => A.HardTanh(x, y, p[0], p[1]), (x, dy, dx, p) => A.HardTanhBackward(x, dy, dx, p[0], p[1]), (y, dy, dx, p) => A.HardTanhBackwardFromOutput(y, dy, dx, p[0], p[1]), _ => true),
        ["Threshold"] = new(2, (x, y, p) => A.Threshold(x, y, p[0], p[1]), (x, dy, dx, p) => A.ThresholdBackward(x, dy, dx, p[0], p[1]), (y, dy, dx, p) => A.ThresholdBackwardFromOutput(y, dy, dx, p[0], p[1]), p => p[1] <= p[0]),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];

    [Fact]
    public void EveryFromOutputMemberOfTheCatalogIsCovered()
    {
        var members = typeof(A).GetMethods().Where(m => m.Name.EndsWith("BackwardFromOutput", StringComparison.Ordinal))
            .Select(m => m.Name[..^"BackwardFromOutput".Length]).Distinct().Order();
        Assert.Equal(Cases.Keys.Order(), members);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void AgreesWithTheInputBackwardAtRandomHyperparameters(string name)
    {
        var c = Cases[name];
        var random = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7FFF);
        int allowed = 0;
        for (int trial = 0; trial < (c.Parameters == 0 ? 1 : 40); trial++)
        {
            // Independent draws, both signs; every other trial a round value, so ties such as min = max occur too.
            var p = Enumerable.Range(0, c.Parameters)
                .Select(_ => trial % 2 == 0 ? (float)Math.Round(random.NextDouble() * 6 - 3, 1) : (float)(random.NextDouble() * 6 - 3)).ToArray();
            var x = Enumerable.Range(-320, 641).Select(i => i / 40f)
                .Concat(p.SelectMany(v => new[] { v, -v, MathF.BitIncrement(v), MathF.BitDecrement(v), MathF.BitIncrement(-v), MathF.BitDecrement(-v) }))
                .Concat([0f, -0f, 1f, -1f, 6f, 3f, -3f, 30f, -30f]).ToArray();
            var dy = x.Select((_, i) => 1f - (i % 7) / 3.5f).ToArray();
            var y = new float[x.Length];
            var expected = new float[x.Length];
            var actual = new float[x.Length];
            c.Forward(x, y, p);
            c.Backward(x, dy, expected, p);
            if (!c.Allowed(p))
            {
                Assert.Throws<ArgumentException>(() => c.FromOutput(y, dy, actual, p));
                Assert.All(actual, v => Assert.Equal(0f, v));   // nothing written before the check
                continue;
            }
            allowed++;
            c.FromOutput(y, dy, actual, p);
            for (int i = 0; i < x.Length; i++)
            {
                // From the output, precision follows y (saturated sigmoid and tanh), as in PyTorch.
                float tolerance = 2e-6f * Math.Max(1, Math.Abs(dy[i]));
                Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                    $"{name}({string.Join(", ", p)}) at x = {x[i]}: from input {expected[i]}, from output {actual[i]}");
            }
        }
        Assert.True(allowed > 0, $"{name}: no trial met the member's condition");
    }

    [Fact]
    public void LogSigmoidFromOutputKeepsItsRelativeAccuracyWhereTheDerivativeIsSmall()
    {
        // σ(−x) from y = log σ(x) as −expm1(y): where σ(−x) is tiny, y is too and holds it to float precision;
        // 1 − e^y would round to a multiple of 2⁻²⁴ (0 from x ≈ 17).
        var x = Enumerable.Range(0, 800).Select(i => 2f + i * 0.1f).ToArray();
        var y = new float[x.Length];
        var dx = new float[x.Length];
        A.LogSigmoid(x, y);
        A.LogSigmoidBackwardFromOutput(y, Enumerable.Repeat(1f, x.Length).ToArray(), dx);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = 1 / (1 + Math.Exp(x[i]));
            Assert.True(Math.Abs(dx[i] - expected) <= 1e-6 * expected, $"x = {x[i]}: {dx[i]:R} against σ(−x) = {expected:R}");
        }
    }
}
