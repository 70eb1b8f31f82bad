using ActivationGen.Benchmarking;

namespace ActivationGen.Tests.Benchmarking;

/// <summary>The runtime half of the benchmark stubs: the guard's double math, its tolerance, and the sizes.</summary>
public sealed class BenchmarkingTests
{
    // erf from Abramowitz & Stegun, Table 7.1 (and erf(3), erf(5) from the series to 16 digits).
    [Theory]
    [InlineData(0.1, 0.1124629160182849)]
    [InlineData(0.5, 0.5204998778130465)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(2.5, 0.9995930479825550)]
    [InlineData(3.0, 0.9999779095030014)]
    [InlineData(-1.0, -0.8427007929497149)]
    public void ErfMatchesPublishedValues(double x, double expected) =>
        Assert.Equal(expected, ReferenceMath.Erf(x), 1e-14);

    [Theory]
    [InlineData(1e-12)]
    [InlineData(-3e-9)]
    [InlineData(0.3)]
    [InlineData(-0.7)]
    public void Log1pAndExpm1AreAccurateNearZero(double x)
    {
        // Series to the order that is exact in double for these arguments.
        double log1p = Math.Abs(x) < 1e-6 ? x - x * x / 2 : Math.Log(1 + x);
        double expm1 = Math.Abs(x) < 1e-6 ? x + x * x / 2 : Math.Exp(x) - 1;
        Assert.Equal(log1p, ReferenceMath.Log1p(x), Math.Abs(log1p) * 1e-14);
        Assert.Equal(expm1, ReferenceMath.Expm1(x), Math.Abs(expm1) * 1e-14);
    }

    [Fact]
    public void SigmoidAndSoftplusHoldAtTheTails()
    {
        Assert.Equal(Math.Exp(-800), ReferenceMath.Sigmoid(-800));
        Assert.Equal(1.0, ReferenceMath.Sigmoid(800));
        Assert.Equal(800.0, ReferenceMath.Softplus(800));
        Assert.Equal(Math.Log(2), ReferenceMath.Softplus(0), 1e-15);
    }

    [Fact]
    public void GuardThrowsOnTheFirstDisagreementOnly()
    {
        var guard = new BenchmarkGuard("Test.F", 1 << 20, sizeof(float));
        guard.Agree("F", 0, 1.000005, 1.0);       // within 1e-5 relative
        guard.Agree("F", 1, 0.5 + 9e-6, 0.5);     // within 1e-5 absolute below 1
        guard.AgreeSum("dQ", 10.0005, 10, 100);   // within 1e-5 of Σ|term|
        guard.ThrowIfFailed();

        guard.Agree("F", 7, 1.0001, 1.0);
        guard.Agree("G", 9, double.NaN, 1.0);
        var failure = Assert.Throws<InvalidOperationException>(guard.ThrowIfFailed);
        Assert.Contains("F gave 1.0001 at element 7", failure.Message, StringComparison.Ordinal);
        Assert.Equal(16, guard.Stride);
        Assert.Equal(1 << 16, guard.PrefixLength);
    }

    [Fact]
    public void SizesParseBinaryUnitsAndTheEnvironmentOverridesTheDeclared()
    {
        Assert.Equal([4096, 1 << 20, 1 << 24], BenchmarkData.ParseSizes("4K, 1M;16M"));
        Assert.Throws<ArgumentException>(() => BenchmarkData.ParseSizes("0"));
        string? saved = Environment.GetEnvironmentVariable(BenchmarkData.SizesVariable);
        try
        {
            Environment.SetEnvironmentVariable(BenchmarkData.SizesVariable, null);
            Assert.Equal([8, 9], BenchmarkData.Sizes(8, 9));
            Environment.SetEnvironmentVariable(BenchmarkData.SizesVariable, "2K");
            Assert.Equal([2048], BenchmarkData.Sizes(8, 9));
        }
        finally
        {
            Environment.SetEnvironmentVariable(BenchmarkData.SizesVariable, saved);
        }
    }
}
