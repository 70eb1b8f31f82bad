using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Measures the largest error in ulp of every entry's span forward and span backward against its
/// hand-written double reference over <see cref="Grids.Dense"/>, writes the table that docs/catalog.md
/// shows (catalog-ulp.md beside the test assembly, and the test output), and asserts a bound per entry.
/// </summary>
/// <remarks>
/// The ulp is the float spacing at the reference value (2⁻¹⁴⁹ below the normals). Two columns per direction:
/// the maximum ulp error over the whole grid (with where it occurs), and the "mixed" error |error| / ulp(max(1, |ref|)),
/// which counts results below 1 in units of 2⁻²³ absolute. The mixed column is the one that stays small where
/// the result is a tiny difference of values near 1 — a saturated derivative such as σ'(x) = σ(1 − σ) for
/// x &gt; 10, which PyTorch computes the same way, or a derivative near its root, such as SiLU' at −1.278.
/// </remarks>
public sealed class UlpTableTests(ITestOutputHelper output)
{
    // Bounds asserted per entry: whole-grid forward, whole-grid backward, forward and backward above the floor.
    // They are the measured figures with headroom for the vector math getting faster; see docs/catalog.md. Each
    // holds over every float of 2⁻²⁰ ≤ |x| ≤ 1e4 too, on both host classes (ExhaustiveUlpTests, opt-in); where that
    // audit found a peak the grid misses, UlpPeakTests checks every float of the peak's region on every run.
    internal static readonly Dictionary<string, (double Forward, double Backward, double MixedForward, double MixedBackward)> Bounds = new()
    {
        ["Relu"] = (0, 0, 0, 0),
        ["Relu6"] = (0, 0, 0, 0),
        ["LeakyRelu"] = (0.5, 0, 0.5, 0),
        ["Elu"] = (2, 2, 1, 1),
        ["Selu"] = (3, 3, 2, 2),
        ["Celu"] = (2, 2, 1, 1),
        // Gelu (one fused x·Φ(x), the exp's power of two applied last, so no digits are lost where Φ alone is
        // subnormal): forward 4.02 at −0.031 on the grid, but 5.39 at −0.0652 over every float, with or without a
        // fused multiply-add and with either exp: a few hundred scattered floats of −0.14 < x < −0.0156, the fit R and
        // the roundings of e^(−a²/2)·a·R(a) (4.2 before the audit). Within 4 from −1 down (GeluTailTests).
        // Its backward maximum is at the root of f' (x = −0.7518), where any rounding is many ulp of a value near 0
        // (mixed 1.75): the float nearest the root sets it, 1.5e7 over every float (2e4 on the grid). The same for
        // every backward maximum below at a root of f' (GeluTanh −0.752, Silu/Swish −1.278, Mish −1.192).
        ["Gelu"] = (5.5, 2e7, 1, 2),
        // GeluTanh forward: e^(2u) with u = √(2/π)(x + 0.044715x³) rounded, the reference's u exact.
        // Mixed 2.08 forward (x = 2.016) and 2.15 backward (x = 1.694) over every float: for x in [1, 2] the result
        // x·σ(2u) ≥ 1 takes σ's error whole plus its own rounding (2 before the audit; a handful of floats exceed it).
        ["GeluTanh"] = (300, 3e7, 2.2, 2.3),
        // Silu, Swish, Mish forward: x·σ(x) where σ(x) is subnormal (x < −87), so σ carries fewer digits.
        // Silu and Swish backward over every float: 1.6e7 at −1.278465 on both classes (8.0e7 on AVX2 before its tabled exp); Mish's
        // 1.6e7 at −1.192431 on both (3e4 on the grid).
        ["Silu"] = (100, 1e8, 2, 2),
        ["Swish"] = (100, 1e8, 2, 2),
        ["Mish"] = (100, 2e7, 2, 2),
        ["Softplus"] = (3, 4, 2, 2),
        ["Softsign"] = (3, 3, 1, 2),
        ["HardTanh"] = (0, 0, 0, 0),
        ["HardSigmoid"] = (1, 0.5, 0.5, 0.1),
        // HardSwish' = (2x + 3)/6 is exactly 0 at x = −1.5: any rounding there is unboundedly many ulp of 0, so
        // the raw backward figure bounds nothing; the mixed one (absolute below 1) holds it at 2.
        ["HardSwish"] = (3, double.PositiveInfinity, 2, 2),
        ["LogSigmoid"] = (3, 4, 2, 2),
        ["Sigmoid"] = (4, 5, 2, 2),
        ["Tanh"] = (3, 5, 2, 2),
        ["TanhShrink"] = (10, 6, 2, 2),
        ["SoftShrink"] = (0, 0, 0, 0),
        ["HardShrink"] = (0, 0, 0, 0),
        ["PRelu"] = (0.5, 0, 0.5, 0),
        ["Threshold"] = (0, 0, 0, 0),
        ["Squareplus"] = (4, 1.2e7, 2, 2),
        // Beyond |freq·x| > 3e38 Snake's derivative is its mean 1 (documented): an absolute error up to 1 there.
        // Its backward 1 + sin(2x) has double roots at x = −π/4 + kπ; the float nearest one, −126.449104 (~1e-13 from
        // it), sets 7.2e16 ulp over every float on both host classes (8.6e9 on the grid), with a mixed error of 0.5.
        ["Snake"] = (6, 1e17, 2, 1.7e7),
        // ScaledTanh backward: tanh′(u) = 4e^(−2|u|)/… with u = 2x/3 rounded magnifies that rounding 4|u| times.
        ["ScaledTanh"] = (6, 60, 3, 3),
        // Mixed backward 2.02 at ±0.6756 over every float on AVX-512, one float each side (1.81 on the AVX2 class).
        ["Lisht"] = (3, 4, 2, 2.1),
        ["LogCosh"] = (6, 6, 2, 3),
    };

    private static readonly Lazy<float[]> Inputs = new(Grids.Dense);

    [Fact]
    public void UlpTable()
    {
        float[] x = Inputs.Value;
        var rows = new List<string>();
        var failures = new List<string>();
        foreach (string name in CatalogEntries.Names)
        {
            var entry = CatalogEntries.Default(name);
            var y = new float[x.Length];
            var dx = new float[x.Length];
            entry.Forward(x, y);
            entry.Backward(x, Enumerable.Repeat(1f, x.Length).ToArray(), dx);
            var forward = Measure(x, y, entry.Reference);
            var backward = Measure(x, dx, entry.ReferenceDerivative);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Format(forward.Max)} | {forward.At:G6} | {Format(forward.Mixed)} | {Format(backward.Max)} | {backward.At:G6} | {Format(backward.Mixed)} |"));
            if (Bounds.TryGetValue(name, out var bound))
            {
                Check(failures, name, "forward", forward.Max, bound.Forward);
                Check(failures, name, "backward", backward.Max, bound.Backward);
                Check(failures, name, "mixed forward", forward.Mixed, bound.MixedForward);
                Check(failures, name, "mixed backward", backward.Mixed, bound.MixedBackward);
            }
            else
            {
                failures.Add($"{name}: no bound");
            }
        }
        var table = new StringBuilder()
            .AppendLine($"| entry | forward max ulp | at x | forward mixed | backward max ulp | at x | backward mixed |")
            .AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
            table.AppendLine(row);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "catalog-ulp.md"), table.ToString());
        output.WriteLine($"{x.Length} inputs");
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    internal static void Check(List<string> failures, string name, string what, double measured, double bound)
    {
        if (!(measured <= bound))
            failures.Add($"{name} {what}: {measured:G4} ulp > bound {bound:G4}");
    }

    internal static string Format(double ulps) => ulps switch
    {
        double.PositiveInfinity => "∞",
        < 10 => ulps.ToString("0.00", CultureInfo.InvariantCulture),
        < 1e4 => ulps.ToString("0", CultureInfo.InvariantCulture),
        _ => ulps.ToString("0.0e0", CultureInfo.InvariantCulture),
    };

    /// <summary>The largest ulp error of <paramref name="actual"/> (and its x), and the largest mixed error (and its x).</summary>
    internal static Measured Measure(ReadOnlySpan<float> x, ReadOnlySpan<float> actual, Func<double, double> reference)
    {
        var measured = new Measured(0, 0, 0, 0);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = reference(x[i]);
            double e = Grids.UlpError(actual[i], expected);
            double m = Math.Abs(expected) >= 1 || !float.IsFinite(actual[i]) ? e : Math.Abs(actual[i] - expected) / Grids.Ulp(1);
            if (e > measured.Max)
                measured = measured with { Max = e, At = x[i] };
            if (m > measured.Mixed || double.IsNaN(m))
                measured = measured with { Mixed = m, MixedAt = x[i] };
        }
        return measured;
    }
}

/// <summary>An ulp measurement: the largest ulp error and where, the largest mixed error and where.</summary>
internal readonly record struct Measured(double Max, float At, double Mixed, float MixedAt)
{
    /// <summary>The larger of two measurements, column by column (the first's x where they tie).</summary>
    public Measured Join(Measured other) => new(
        other.Max > Max ? other.Max : Max, other.Max > Max ? other.At : At,
        Math.Max(Mixed, other.Mixed), other.Mixed > Mixed ? other.MixedAt : MixedAt);
}
