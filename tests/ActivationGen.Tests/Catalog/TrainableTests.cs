using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Gradients of the trainable parameters (Swish β, PRelu a, Snake freq). The oracle has none, so the analytic
/// double references are first checked against central finite differences of the double forward, and the
/// kernels' sums are then checked against the analytic references.
/// </summary>
public sealed class TrainableTests
{
    public static IEnumerable<object[]> Names() => CatalogEntries.Trainables().Select(t => new object[] { t.Name });

    private static TrainableEntry Get(string name) => CatalogEntries.Trainables().Single(t => t.Name == name);

    private static float[] Points()
    {
        var points = new List<float>();
        for (int k = -400; k <= 400; k++)
            points.Add(k * 0.0251f);
        points.AddRange([0f, 1f, -1f, 30f, -30f, 100f, -100f]);
        return points.ToArray();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ReferenceGradientMatchesFiniteDifferences(string name)
    {
        var t = Get(name);
        foreach (float x in Points())
        {
            double q = t.Parameter, h = 1e-6 * Math.Max(1, Math.Abs(q));
            double fd = (t.Reference(x, q + h) - t.Reference(x, q - h)) / (2 * h);
            double analytic = t.ReferenceGradient(x, q);
            Assert.True(Math.Abs(fd - analytic) <= 1e-6 * Math.Max(1, Math.Abs(analytic)), $"{name} at x = {x}: finite difference {fd}, analytic {analytic}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EachElementsGradientMatchesTheReference(string name)
    {
        var t = Get(name);
        var dx = new float[1];
        foreach (float x in Points())
        {
            t.Backward([x], [1f], dx, out float dq);
            double expected = t.ReferenceGradient(x, t.Parameter);
            Assert.True(Math.Abs(dq - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)) + ArgumentRounding(t, x), $"{name} at x = {x}: ∂f/∂q = {dq}, expected {expected}");
        }
    }

    /// <summary>
    /// Snake's sin(a·x) is taken of the float product a·x, which is rounded by up to |a·x|·2⁻²⁴; its gradient in a,
    /// x·sin(2ax)/a − sin²(ax)/a², moves by up to (2|x|/a + 2/a²) per unit of that argument. Other entries: 0.
    /// </summary>
    private static double ArgumentRounding(TrainableEntry t, float x)
    {
        if (!t.Name.StartsWith("Snake", StringComparison.Ordinal))
            return 0;
        double a = Math.Abs(t.Parameter);
        return Math.Abs(a * x) * Math.ScaleB(1.0, -24) * (2 * Math.Abs(x) / a + 2 / (a * a));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void SummedGradientMatchesTheReferenceAtEveryLength(string name)
    {
        var t = Get(name);
        float[] all = Points();
        var random = new Random(4);
        foreach (int length in new[] { 1, 2, 5, 8, 15, 16, 17, 31, 33, 64, 100, all.Length })
        {
            var x = Enumerable.Range(0, length).Select(_ => all[random.Next(all.Length)]).ToArray();
            var dy = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            var dx = new float[length];
            t.Backward(x, dy, dx, out float dq);
            double expected = 0, scale = 0;
            for (int i = 0; i < length; i++)
            {
                double term = dy[i] * t.ReferenceGradient(x[i], t.Parameter);
                expected += term;
                scale += Math.Abs(term) + Math.Abs(dy[i]) * ArgumentRounding(t, x[i]) * 1e6;
            }
            Assert.True(Math.Abs(dq - expected) <= 1e-6 * Math.Max(1, scale), $"{name}, length {length}: Σ dy·∂f/∂q = {dq}, expected {expected}");
        }
    }
}
