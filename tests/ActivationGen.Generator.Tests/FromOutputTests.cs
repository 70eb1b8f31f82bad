namespace ActivationGen.Generator.Tests;

/// <summary>The generator finds, by itself, which activations can run their backward from the output alone.</summary>
public sealed class FromOutputTests
{
    [Theory]
    [InlineData("sigmoid(x)", "float x", "y * (1 - y)")]
    [InlineData("1 / (1 + exp(-x))", "float x", "y * (1 - y)")]
    [InlineData("tanh(x)", "float x", "1 - y * y")]
    [InlineData("exp(x)", "float x", "y")]
    [InlineData("softplus(x)", "float x", "-expm1(-y)")]
    [InlineData("log(1 + exp(x))", "float x", "-expm1(-y)")]
    [InlineData("log(sigmoid(x))", "float x", "-expm1(y)")]
    [InlineData("2 * softplus(3 * x)", "float x", "-(6 * expm1(-(0.5 * y)))")]
    [InlineData("-expm1(x)", "float x", "-1 + y")]    // c = −1, from a negation
    [InlineData("max(x, 0)", "float x", "y > 0 ? 1 : 0")]
    [InlineData("x > 0 ? x : 0", "float x", "y > 0 ? 1 : 0")]
    [InlineData("x > 0 ? x : slope * x", "float x, [Param] float slope = 0.01f", "y > 0 ? 1 : slope")]
    [InlineData("x > 0 ? x : alpha * (exp(x) - 1)", "float x, [Param] float alpha = 1", "y > 0 ? 1 : alpha + y")]
    [InlineData("x > threshold ? x : value", "float x, [Param] float threshold, [Param] float value", "y > value ? 1 : 0")]
    [InlineData("1.7159 * tanh(x)", "double x", null)]
    public void FoundWhereTheDerivativeIsAFunctionOfTheOutput(string formula, string parameters, string? expected)
    {
        var source = GeneratorHarness.SourceOf(formula, parameters);

        if (expected is null)
        {
            AssertNotEmitted(source);
            return;
        }
        Assert.Contains("public static void FBackwardFromOutput(", source);
        Assert.Contains("public static bool HasBackwardFromOutput => true;", source);
        Assert.Contains($"dy·<c>{System.Security.SecurityElement.Escape(expected)}</c> where y = f(x)", source);
    }

    [Theory]
    [InlineData("x * sigmoid(x)")]                  // swish: x cannot be recovered from y on both sides of its minimum
    [InlineData("0.5 * x * (1 + erf(x / sqrt(2)))")]
    [InlineData("x * tanh(softplus(x))")]
    [InlineData("sin(x)")]
    [InlineData("x^2")]
    public void NotEmittedWhenTheOutputDoesNotDetermineTheDerivative(string formula)
    {
        AssertNotEmitted(GeneratorHarness.SourceOf(formula, "float x"));
    }

    [Theory]
    // A negative slope or α makes f decrease for x < 0, so y no longer tells the sides apart (PyTorch refuses
    // these too); Threshold needs value ≤ threshold. (HardTanh needs nothing: with lo > hi it is flat.)
    [InlineData("x > 0 ? x : slope * x", "float x, [Param] float slope = 0.01f", "slope >= 0")]
    [InlineData("x > 0 ? x : alpha * (exp(x) - 1)", "float x, [Param] float alpha = 1", "alpha >= 0")]
    [InlineData("x > threshold ? x : value", "float x, [Param] float threshold, [Param] float value", "value <= threshold")]
    public void ConditionsOnHyperparametersAreCheckedAtRunTime(string formula, string parameters, string condition)
    {
        var source = GeneratorHarness.SourceOf(formula, parameters);
        Assert.Contains($"if (!({condition})) throw new global::System.ArgumentException(", source);
    }

    [Theory]
    // f(k) is not a threshold in y where f is not monotone across k: sin has the same y on both sides of 0.
    [InlineData("x > 0 ? sin(x) : x")]
    [InlineData("x > 1 ? -x : x")]
    [InlineData("x > c ? x : 2 * c - x", "float x, [Param] float c")]
    public void NotEmittedWhereTheOutputDoesNotOrderTheSides(string formula, string parameters = "float x")
    {
        AssertNotEmitted(GeneratorHarness.SourceOf(formula, parameters));
    }

    [Fact]
    public void NotEmittedForSeveralInputs()
    {
        var source = GeneratorHarness.SourceOf("sigmoid(x + h)", "float x, float h");
        AssertNotEmitted(source);
        Assert.DoesNotContain("BackwardFromOutput(", source);
    }

    /// <summary>No span member, no kernel; the activation struct says so (and its member throws).</summary>
    private static void AssertNotEmitted(string source)
    {
        Assert.DoesNotContain("FBackwardFromOutput", source);
        Assert.DoesNotContain("FKernels.BackwardFromOutput", source);
        Assert.Contains("public static bool HasBackwardFromOutput => false;", source);
    }
}
