namespace ActivationGen.Generator.Tests.Calculus;

/// <summary>
/// Gradients of the generated code where the textbook rule is 0·∞ or takes NaN from a side not taken: powers
/// at a base ≤ 0, clamp with crossed bounds, NaN under a branch. References are closed forms and PyTorch's
/// documented conventions (torch.pow's and torch.clamp's backward); NaN in still gives NaN out.
/// </summary>
public sealed class EdgeGradientTests
{
    private const int Power = 0, SaturatedExponent = 1, ClampToB = 2, ClampFromB = 3, NaNUnderBranch = 4, NaNUnderClamp = 5, BaseOne = 6, NegativeZero = 7;

    private static readonly Lazy<CompiledFormulas> Compiled = new(() => new CompiledFormulas(
        "x^b",
        "pow(-100, erf(x + 10))",
        "clamp(x, a, b)",
        "clamp(x, b, a)",
        "a > 1 ? max(x, 0) : clamp((x - 5)^1.5, -1, 1)",
        "clamp(x - ((0.5 * a == 0 ? clamp(x^pi, -1, 1) : pow(10, -x))), -3, 2)",
        "pow(a, sqrt(x))",
        "1 / (0 <= x ? -0 : x) > 0 ? x : 2 * x"));

    private static void Near(double expected, double actual, string what) =>
        Assert.True(actual.Equals(expected) || Math.Abs(actual - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)),
            $"{what}: {actual:R}, expected {expected:R}");

    /// <summary>∂/∂p and ∂/∂u of u^p with u = x and p = b: closed forms, PyTorch's masks at u = 0.</summary>
    [Theory]
    // u > 0: ∂/∂p = u^p·ln u, ∂/∂u = p·u^(p−1).
    [InlineData(2, 1.5, 2.8284271247461903 * 0.69314718055994531, 1.5 * 1.4142135623730951)]
    // u = 0, p ≥ 0: u^p is flat in p (0, or 1 at p = 0): PyTorch masks ∂/∂p to 0 there, and ∂/∂u to 0 at p = 0.
    [InlineData(0, 2, 0, 0)]
    [InlineData(0, 0.5, 0, double.PositiveInfinity)]
    [InlineData(0, 1, 0, 1)]
    [InlineData(0, 0, 0, 0)]
    // u < 0, integer p: d/dp Re(u^p) = |u|^p·(ln|u|·cos πp − π·sin πp) at p = 3 is −8·ln 2.
    [InlineData(-2, 3, -8 * 0.69314718055994531, 3 * 4)]
    // u < 0, p not an integer: u^p is NaN, and so is its gradient.
    [InlineData(-2, 1.5, double.NaN, double.NaN)]
    [InlineData(double.NaN, 2, double.NaN, double.NaN)]
    [InlineData(0, double.NaN, double.NaN, double.NaN)]
    public void Power_ExponentAndBaseGradients(double u, double p, double expectedDp, double expectedDu)
    {
        var (dx, dB) = Compiled.Value.Backward(Power, [u], 1, p);
        Near(expectedDp, dB, $"∂(u^p)/∂p at u = {u}, p = {p}");
        Near(expectedDu, dx[0], $"∂(u^p)/∂u at u = {u}, p = {p}");
        Near(expectedDu, Compiled.Value.Derivative(Power, u, 1, p), $"scalar ∂(u^p)/∂u at u = {u}, p = {p}");
    }

    /// <summary>
    /// (−100)^erf(x + 10): erf is 1 in double from x ≈ −4, so the value is −100 and flat; the gradient is the
    /// closed form of d/dx Re((−100)^erf(x+10)) at erf = 1, −100·ln 100·(2/√π)·e^(−(x+10)²): tiny, not NaN.
    /// </summary>
    [Theory]
    [InlineData(1.389), InlineData(-2), InlineData(0)]
    public void Power_NegativeBaseWithAnExponentSaturatedAtAnInteger_IsFlat(double x)
    {
        double expected = -100 * Math.Log(100) * 2 / Math.Sqrt(Math.PI) * Math.Exp(-(x + 10) * (x + 10));
        var (dx, _) = Compiled.Value.Backward(SaturatedExponent, [x], 1, 1);
        Near(-100, Compiled.Value.Value(SaturatedExponent, x, 1, 1), $"value at {x}");
        Assert.True(Math.Abs(dx[0] - expected) <= 1e-10 * Math.Abs(expected), $"at {x}: {dx[0]:R}, expected {expected:R}");
    }

    /// <summary>
    /// pow(1, p) is 1 for every p, NaN included (IEEE 754), so it is flat in p, and a NaN p′ (√x at x &lt; 0)
    /// must not reach the gradient; a base other than 1 gives NaN there, value and gradient alike.
    /// </summary>
    [Theory]
    [InlineData(1, -1, 1, 0)]
    [InlineData(1, 4, 1, 0)]
    [InlineData(2, -1, double.NaN, double.NaN)]
    [InlineData(2, 4, 4, 0.69314718055994531)]   // d/dx 2^√x = 2^√x·ln 2/(2√x), ln 2 at x = 4
    public void Power_BaseOne_IsFlatInTheExponent(double a, double x, double expectedValue, double expectedDx)
    {
        Near(expectedValue, Compiled.Value.Value(BaseOne, x, a, 1), $"pow({a}, √{x})");
        var (dx, _) = Compiled.Value.Backward(BaseOne, [x], a, 1);
        Near(expectedDx, dx[0], $"∂/∂x pow({a}, √{x})");
    }

    /// <summary>
    /// −0 and 0 are different constants: 1/−0 = −∞ (IEEE 754), so the branch takes 2x everywhere (found by the
    /// fuzz run, seed 23: the tape shared one constant for both, and 1/0 = +∞ took the other side).
    /// </summary>
    [Theory]
    [InlineData(3, 6, 2)]
    [InlineData(0, 0, 2)]
    [InlineData(-2, -4, 2)]
    public void NegativeZero_KeepsItsSign(double x, double expectedValue, double expectedDx)
    {
        Near(expectedValue, Compiled.Value.Value(NegativeZero, x, 1, 1), $"value at {x}");
        Near(expectedDx, Compiled.Value.Derivative(NegativeZero, x, 1, 1), $"∂/∂x at {x}");
    }

    /// <summary>
    /// clamp(v, lo, hi) is min(max(v, lo), hi), so with lo &gt; hi it is hi, and the gradient follows the value
    /// (PyTorch's clamp_backward_min_max: lo gets it where v &lt; lo &lt; hi, hi where v &gt; hi or hi &lt; lo).
    /// </summary>
    [Theory]
    // clamp(x, a, b), b trainable hi: crossed (a = 1.5 > b = 0.7), every x gives b, each x sends 1 to b.
    [InlineData(ClampToB, 1.5, 0.7, new[] { -3.0, 0.7, 1, 1.5, 4 }, new[] { 0.0, 0, 0, 0, 0 }, 5)]
    // Not crossed: x passes on [a, b], b gets it above.
    [InlineData(ClampToB, -1, 0.7, new[] { -3.0, 0, 0.7, 4 }, new[] { 0.0, 1, 1, 0 }, 1)]
    // clamp(x, b, a), b trainable lo: crossed (b = 1.7 > a = 0.6), the value is a, nothing reaches b or x.
    [InlineData(ClampFromB, 0.6, 1.7, new[] { -3.0, 0.6, 1, 1.7, 4 }, new[] { 0.0, 0, 0, 0, 0 }, 0)]
    // Tied (lo = hi): x gets it at the point itself, lo below it only while lo < hi, so not here.
    [InlineData(ClampFromB, 1, 1, new[] { -3.0, 1, 4 }, new[] { 0.0, 1, 0 }, 0)]
    [InlineData(ClampFromB, 2, -1, new[] { -3.0, 0, 2, 4 }, new[] { 0.0, 1, 1, 0 }, 1)]
    public void Clamp_GradientFollowsTheValue(int formula, double a, double b, double[] x, double[] expectedDx, double expectedDb)
    {
        var (dx, dB) = Compiled.Value.Backward(formula, x, a, b);
        for (int i = 0; i < x.Length; i++)
        {
            Near(Math.Min(Math.Max(x[i], formula == ClampToB ? a : b), formula == ClampToB ? b : a), Compiled.Value.Value(formula, x[i], a, b), $"value at {x[i]}");
            Near(expectedDx[i], dx[i], $"∂/∂x at x = {x[i]}, a = {a}, b = {b}");
        }
        Near(expectedDb, dB, $"Σ ∂/∂b at a = {a}, b = {b}");
    }

    [Fact]
    public void Clamp_NaNInput_GivesNaNGradient()
    {
        var (dx, _) = Compiled.Value.Backward(ClampToB, [double.NaN], 1.5, 0.7);
        Assert.True(double.IsNaN(dx[0]));
    }

    /// <summary>
    /// a &gt; 1 ? max(x, 0) : clamp((x − 5)^1.5, −1, 1): the side not taken is NaN for x &lt; 5, and the clamp's
    /// NaN-keeping gate must not carry it into the gradient; a NaN on the taken side still gives NaN.
    /// </summary>
    [Theory]
    [InlineData(2, -3, 0)]
    [InlineData(2, 2, 1)]
    [InlineData(2, 4.9, 1)]
    [InlineData(2, double.NaN, double.NaN)]      // max(NaN, 0) taken
    [InlineData(0.5, 2, double.NaN)]             // (−3)^1.5 taken
    [InlineData(0.5, 5.5, 1.0606601717798212)]   // 1.5·√0.5, inside the clamp
    [InlineData(0.5, 7, 0)]                      // 2^1.5 > 1, clamped
    public void Branch_SideNotTaken_LeaksNoNaN(double a, double x, double expected)
    {
        var (dx, _) = Compiled.Value.Backward(NaNUnderBranch, [x], a, 1);
        Near(expected, dx[0], $"∂/∂x at x = {x}, a = {a}");
        Near(expected, Compiled.Value.Derivative(NaNUnderBranch, x, a, 1), $"scalar ∂/∂x at x = {x}, a = {a}");
    }

    /// <summary>The fuzz run's case: x^π (NaN for x &lt; 0) under a clamp on the side not taken, inside another clamp: 1 + ln 10·10^−x.</summary>
    [Theory]
    [InlineData(-0.2), InlineData(0.3), InlineData(1)]
    public void Branch_NaNUnderANestedClampNotTaken_LeaksNoNaN(double x)
    {
        var (dx, _) = Compiled.Value.Backward(NaNUnderClamp, [x], 1, 1);
        Near(1 + Math.Log(10) * Math.Pow(10, -x), dx[0], $"∂/∂x at {x}");
    }
}
