namespace ActivationGen.Tests.Branches;

public static partial class Saturating
{
    [Activation("0.5 * x * (1 + tanh(0.7978845608 * (x + 0.044715 * x^3)))")]
    public static partial float GeluTanh(float x);

    [Activation("x * sigmoid(x^3)")]
    public static partial float CubicGate(float x);

    [Activation("0.5 * (x + sqrt(x^2 + b))")]
    public static partial float Squareplus(float x, [Param] float b = 4);

    [Activation("x * erf(x^3)")]
    public static partial double ErfCubic(double x);

    [Activation("exp(-x^4)")]
    public static partial float Bump(float x);
}

/// <summary>
/// Formulas written plainly stay finite where their derivative is finite: a local derivative that has
/// decayed to zero (a saturated tanh, sigmoid, erf…) blocks an infinite inner derivative instead of making NaN.
/// </summary>
public sealed class SaturationTests
{
    public static TheoryData<float> Extremes => [1e13f, -1e13f, 3.4e38f, -3.4e38f, 1e20f, -1e20f];

    [Theory]
    [MemberData(nameof(Extremes))]
    public void GeluTanhSlopeIsOneOrZeroFarOut(float x)
    {
        Assert.Equal(x > 0 ? 1f : 0f, Saturating.GeluTanhDerivative(x));
        Assert.Equal(x > 0 ? x : 0f, Saturating.GeluTanh(x));
    }

    [Theory]
    [MemberData(nameof(Extremes))]
    public void OtherSaturatingShapes(float x)
    {
        Assert.Equal(x > 0 ? 1f : 0f, Saturating.CubicGateDerivative(x));
        // x^2 overflows float beyond 1.8e19, so plain squareplus is infinite there: its slope may be off, never NaN.
        if (Math.Abs(x) < 1e19f)
            Assert.Equal(x > 0 ? 1f : 0f, Saturating.SquareplusDerivative(x), 6);
        Assert.False(float.IsNaN(Saturating.SquareplusDerivative(x)));
        Assert.Equal(0f, Saturating.BumpDerivative(x));
        Assert.Equal(1.0, Saturating.ErfCubicDerivative(Math.Abs((double)x)), 12);
    }

    [Fact]
    public void NearTheOriginTheGatesChangeNothing()
    {
        // Central differences of double references at ordinary points.
        foreach (double x in new[] { -3.0, -0.7, 0.2, 1.5, 2.9 })
        {
            double h = 1e-6;
            double Gelu(double v) => 0.5 * v * (1 + Math.Tanh(0.7978845608 * (v + 0.044715 * v * v * v)));
            Assert.Equal((Gelu(x + h) - Gelu(x - h)) / (2 * h), Saturating.GeluTanhDerivative((float)x), 4);
        }
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(-5.0)]
    [InlineData(-7.0)]
    [InlineData(-9.0)]
    public void PlainGeluTanhIsAccurateInItsNegativeTail(double x)
    {
        // 1 + tanh(u) cancels to nothing near tanh = −1; the generator computes it as 2σ(2u). Reference: x·σ(2u).
        double u = 0.7978845608 * (x + 0.044715 * x * x * x);
        double expected = x / (1 + Math.Exp(-2 * u));
        double actual = Saturating.GeluTanh((float)x);
        Assert.True(Math.Abs(actual - expected) <= 1e-5 * Math.Abs(expected), $"{actual} vs {expected}");
    }
}
