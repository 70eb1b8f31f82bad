using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// The generated <c>NameWithDerivative</c> members (f and ∂f/∂x in one pass) and <see cref="SavedDerivative"/>, the
/// backward that reads what they kept: each against the double references, within the bounds the separate forward and
/// backward hold (<see cref="UlpTableTests.Bounds"/>), and with the span members' argument rules.
/// </summary>
public sealed class WithDerivativeTests
{
    private static readonly Lazy<float[]> Inputs = new(Grids.Dense);

    [Theory]
    [MemberData(nameof(CatalogEntries.AllNames), MemberType = typeof(CatalogEntries))]
    public void ValueAndDerivativeHoldTheCatalogBounds(string name)
    {
        float[] x = Inputs.Value;
        var entry = CatalogEntries.Default(name);
        var y = new float[x.Length];
        var derivative = new float[x.Length];
        entry.WithDerivative(x, y, derivative);
        var bound = UlpTableTests.Bounds[name];
        var forward = UlpTableTests.Measure(x, y, entry.Reference);
        var backward = UlpTableTests.Measure(x, derivative, entry.ReferenceDerivative);
        var failures = new List<string>();
        UlpTableTests.Check(failures, name, "forward", forward.Max, bound.Forward);
        UlpTableTests.Check(failures, name, "mixed forward", forward.Mixed, bound.MixedForward);
        UlpTableTests.Check(failures, name, "derivative", backward.Max, bound.Backward);
        UlpTableTests.Check(failures, name, "mixed derivative", backward.Mixed, bound.MixedBackward);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Every length from 0 to past two of the widest vector pairs, so that every tail is written, in place too.</summary>
    [Theory]
    [InlineData("Silu")]
    [InlineData("LogSigmoid")]
    [InlineData("Relu")]
    [InlineData("TanhShrink")]
    public void EveryLengthIsWrittenWholeAndInPlace(string name)
    {
        var entry = CatalogEntries.Default(name);
        var random = new Random(7);
        for (int n = 0; n <= 70; n++)
        {
            float[] x = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 16 - 8)).ToArray();
            var y = Enumerable.Repeat(float.NaN, n).ToArray();
            var derivative = Enumerable.Repeat(float.NaN, n).ToArray();
            entry.WithDerivative(x, y, derivative);
            var inPlace = x.ToArray();
            var derivativeInPlace = new float[n];
            entry.WithDerivative(inPlace, inPlace, derivativeInPlace);
            var bound = UlpTableTests.Bounds[name];
            var failures = new List<string>();
            var forward = UlpTableTests.Measure(x, y, entry.Reference);
            var backward = UlpTableTests.Measure(x, derivative, entry.ReferenceDerivative);
            UlpTableTests.Check(failures, $"{name} n = {n}", "forward", forward.Max, bound.Forward);
            UlpTableTests.Check(failures, $"{name} n = {n}", "mixed derivative", backward.Mixed, bound.MixedBackward);
            Assert.True(failures.Count == 0, string.Join("\n", failures));
            Assert.Equal(y, inPlace);
            Assert.Equal(derivative, derivativeInPlace);
        }
    }

    [Fact]
    public void BadSpansThrowBeforeAnythingIsWritten()
    {
        var x = new float[40];
        var y = Enumerable.Repeat(5f, 40).ToArray();
        var shared = Enumerable.Repeat(5f, 80).ToArray();

        var length = Assert.Throws<ArgumentException>(() => Activations.SiluWithDerivative(x, y, new float[39]));
        Assert.Equal("derivative", length.ParamName);
        // Both outputs in one span (or overlapping) would keep only the one written last.
        var same = Assert.Throws<ArgumentException>(() => Activations.SiluWithDerivative(x, y, y));
        Assert.Equal("derivative", same.ParamName);
        var overlapping = Assert.Throws<ArgumentException>(() => Activations.SiluWithDerivative(x, shared.AsSpan(0, 40), shared.AsSpan(20, 40)));
        Assert.Equal("derivative", overlapping.ParamName);
        var shifted = Assert.Throws<ArgumentException>(() => Activations.SiluWithDerivative(shared.AsSpan(0, 40), shared.AsSpan(1, 40), new float[40]));
        Assert.Equal("y", shifted.ParamName);
        Assert.All(y, v => Assert.Equal(5f, v));
        Assert.All(shared, v => Assert.Equal(5f, v));
    }

    /// <summary>The product is one rounding of the exact one, which the double product rounded to float is.</summary>
    [Fact]
    public void SavedDerivativeIsTheRoundedProductAtEveryLength()
    {
        var random = new Random(3);
        for (int n = 0; n <= 70; n++)
        {
            float[] d = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            float[] dy = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
            var dx = Enumerable.Repeat(float.NaN, n).ToArray();
            SavedDerivative.Backward(d, dy, dx);
            var inPlace = dy.ToArray();
            SavedDerivative.Backward(d, inPlace, inPlace);
            double[] dd = d.Select(v => (double)v).ToArray(), dyd = dy.Select(v => (double)v).ToArray();
            var dxd = new double[n];
            SavedDerivative.Backward(dd, dyd, dxd);
            for (int i = 0; i < n; i++)
            {
                Assert.Equal((float)((double)d[i] * dy[i]), dx[i]);
                Assert.Equal(dx[i], inPlace[i]);
                Assert.Equal((double)d[i] * dy[i], dxd[i]);
            }
        }
    }

    [Fact]
    public void SavedDerivativeChecksItsSpans()
    {
        var d = new float[40];
        var shared = Enumerable.Repeat(5f, 80).ToArray();
        Assert.Equal("dy", Assert.Throws<ArgumentException>(() => SavedDerivative.Backward(d, new float[41], new float[40])).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => SavedDerivative.Backward(d, new float[40], new float[39])).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentException>(() => SavedDerivative.Backward(d, shared.AsSpan(0, 40), shared.AsSpan(1, 40))).ParamName);
        Assert.All(shared, v => Assert.Equal(5f, v));
    }

    /// <summary>A training step's two halves: the kept derivative times dy is the backward, to the backward's own bound.</summary>
    [Theory]
    [InlineData("LogSigmoid")]
    [InlineData("Gelu")]
    [InlineData("Mish")]
    public void KeptDerivativeGivesTheBackward(string name)
    {
        float[] x = Inputs.Value;
        var entry = CatalogEntries.Default(name);
        var random = new Random(11);
        float[] dy = x.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = new float[x.Length];
        var derivative = new float[x.Length];
        var dx = new float[x.Length];
        entry.WithDerivative(x, y, derivative);
        SavedDerivative.Backward(derivative, dy, dx);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = dy[i] * entry.ReferenceDerivative(x[i]);
            // The derivative's mixed bound, plus the product's rounding.
            Assert.True(Math.Abs(dx[i] - expected) <= (UlpTableTests.Bounds[name].MixedBackward + 1) * Grids.Ulp(Math.Max(1, Math.Abs(expected))),
                $"{name}: dx = {dx[i]}, expected {expected} at x = {x[i]}");
        }
    }
}
