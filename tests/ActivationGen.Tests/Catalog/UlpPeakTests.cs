using System;
using System.Collections.Generic;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Every float of the narrow regions where an entry's error peaks, found by <see cref="ExhaustiveUlpTests"/> over
/// every float and missed by the grid of <see cref="UlpTableTests"/>, checked at that table's bounds: what the
/// exhaustive audit asserts, in seconds instead of minutes, on every CI run and host class.
/// </summary>
public sealed class UlpPeakTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Peaks() =>
    [
        // entry, backward (else forward), every float from lo to hi (one sign). Measured over every float of
        // 2⁻²⁰ ≤ |x| ≤ 1e4 on AVX-512 and on the AVX2 class; the reasons are at the bounds in UlpTableTests.
        // Gelu forward: 5.39 ulp at −0.0652 and 5.11 (5.21 without FMA) at −0.0311, the largest of a few hundred
        // scattered floats above the old bound of 4.2.
        ["Gelu", false, -0.0625f, -0.0664f],
        ["Gelu", false, -0.0305f, -0.0315f],
        // The floats nearest each root of f′, where the ulp error of any rounding is unbounded (mixed stays ≤ 2).
        ["Gelu", true, -0.7515f, -0.7521f],
        ["GeluTanh", true, -0.7522f, -0.7527f],
        ["Silu", true, -1.2782f, -1.2787f],
        ["Swish", true, -1.2782f, -1.2787f],
        ["Mish", true, -1.1922f, -1.1927f],
        // GeluTanh mixed: 2.08 forward at 2.016, 2.15 and 2.12 backward at 1.694 and 1.292.
        ["GeluTanh", false, 2f, 2.04f],
        ["GeluTanh", true, 1.69f, 1.70f],
        ["GeluTanh", true, 1.29f, 1.31f],
        // Lisht mixed backward: 2.02 at ±0.6756, AVX-512 only (1.81 on the AVX2 class).
        ["Lisht", true, 0.675f, 0.677f],
        // Snake backward: its derivative 1 + sin(2x) has double roots at x = −π/4 + kπ; a float ~1e-13 from one gives
        // the largest ulp error (mixed ≤ 2), against the double reference written without cancellation.
        ["Snake", true, -126.4490f, -126.4492f],
        ["Snake", true, -0.78539f, -0.78541f],
    ];

    [Theory]
    [MemberData(nameof(Peaks))]
    public void EveryFloatOfThePeak(string name, bool backward, float lo, float hi)
    {
        float[] x = Simd.Inputs.EveryFloat(lo, hi);
        var entry = CatalogEntries.Default(name);
        var actual = new float[x.Length];
        if (backward)
            entry.Backward(x, Array.ConvertAll(x, _ => 1f), actual);
        else
            entry.Forward(x, actual);
        var measured = UlpTableTests.Measure(x, actual, backward ? entry.ReferenceDerivative : entry.Reference);
        var bound = UlpTableTests.Bounds[name];
        output.WriteLine($"{name} {(backward ? "backward" : "forward")} over {x.Length} floats: {measured.Max:G4} ulp at {measured.At:G9}, mixed {measured.Mixed:G4} at {measured.MixedAt:G9}");
        var failures = new List<string>();
        UlpTableTests.Check(failures, name, backward ? "backward" : "forward", measured.Max, backward ? bound.Backward : bound.Forward);
        UlpTableTests.Check(failures, name, backward ? "mixed backward" : "mixed forward", measured.Mixed, backward ? bound.MixedBackward : bound.MixedForward);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
