using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// For every entry, forward and backward (span kernels and scalar members) over the whole float range: a
/// stride over all 2³² bit patterns (about a million finite floats), ±3.4e38, the subnormals and ±0. Wherever
/// the true result (the double reference, rounded to float) is finite, the kernel's must be finite too.
/// </summary>
public sealed class StabilityTests(ITestOutputHelper output)
{
    private static readonly Lazy<float[]> Inputs = new(() => Grids.WholeRange(4096));

    public static IEnumerable<object[]> Names() => CatalogEntries.AllNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void NoNaNOrInfinityWhereTheResultIsFinite(string name)
    {
        var entry = CatalogEntries.Default(name);
        float[] x = Inputs.Value;
        var y = new float[x.Length];
        var dx = new float[x.Length];
        var ones = Enumerable.Repeat(1f, x.Length).ToArray();
        entry.Forward(x, y);
        entry.Backward(x, ones, dx);

        var failures = new List<string>();
        for (int i = 0; i < x.Length; i++)
        {
            double f = entry.Reference(x[i]), d = entry.ReferenceDerivative(x[i]);
            Assert.False(double.IsNaN(f) || double.IsNaN(d), $"the reference of {name} is NaN at {x[i]:R}");
            if (float.IsFinite((float)f) && !(float.IsFinite(y[i]) && float.IsFinite(entry.Value(x[i]))))
                failures.Add($"f({x[i]:R}) = {y[i]} / {entry.Value(x[i])}, true {f:R}");
            if (float.IsFinite((float)d) && !(float.IsFinite(dx[i]) && float.IsFinite(entry.Derivative(x[i]))))
                failures.Add($"f'({x[i]:R}) = {dx[i]} / {entry.Derivative(x[i])}, true {d:R}");
        }
        output.WriteLine($"{name}: {x.Length} inputs, {failures.Count} failures");
        Assert.True(failures.Count == 0, $"{name}: {failures.Count} non-finite results, e.g. " + string.Join("; ", failures.Take(8)));
    }

    [Fact]
    public void TrainableGradientsStayFinite()
    {
        float[] x = Grids.WholeRange(1 << 16);
        var failures = new List<string>();
        foreach (var t in CatalogEntries.Trainables())
        {
            var dx = new float[1];
            foreach (float xi in x)
            {
                double expected = t.ReferenceGradient(xi, t.Parameter);
                t.Backward([xi], [1f], dx, out float dq);
                if (float.IsFinite((float)expected) && !float.IsFinite(dq))
                    failures.Add($"{t.Name}: ∂f/∂q({xi:R}) = {dq}, true {expected:R}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("; ", failures.Take(8)));
    }
}
