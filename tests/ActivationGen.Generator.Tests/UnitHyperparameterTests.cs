using System.Text.RegularExpressions;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// A hyperparameter declared with a default of 1 gets span kernels without its products and quotients, run while it
/// is 1; nothing else does. ActivationGen.Tests checks that they give the full kernels' results bit for bit
/// (UnitHyperparameterTests there).
/// </summary>
public sealed partial class UnitHyperparameterTests
{
    private const string SoftplusFormula = "x * beta > threshold ? x : softplus(beta * x) / beta";

    [Fact]
    public void AUnitDefaultGetsKernelsWithoutItsProductsAndQuotients()
    {
        string source = GeneratorHarness.SourceOf(SoftplusFormula, "float x, [Param] float beta = 1, [Param] float threshold = 20");
        foreach (string kernel in new[] { "Forward", "Backward", "ForwardWithDerivative" })
        {
            string general = Kernel(source, kernel);
            string atUnit = Kernel(source, kernel + "AtUnit");
            Assert.Contains("/ beta", general, StringComparison.Ordinal);
            Assert.DoesNotContain("/ beta", atUnit, StringComparison.Ordinal);
            Assert.DoesNotContain("beta *", atUnit, StringComparison.Ordinal);
            Assert.DoesNotContain("* beta", atUnit, StringComparison.Ordinal);
            Assert.DoesNotContain("TV.Create(1f) *", atUnit, StringComparison.Ordinal);
            Assert.True(Statements(atUnit) < Statements(general), $"{kernel}: {Statements(atUnit)} statements against {Statements(general)}");
            // The span member takes them exactly while beta is 1 (threshold is only compared: no condition on it).
            Assert.Matches(@"public static void " + kernel + @"Spans\([^)]*\)\s*\{\s*//[^\n]*\n\s*if \(beta == 1f\)\s*\{\s*" + kernel + @"AtUnitSpans\(", source);
        }
    }

    [Theory]
    [InlineData(SoftplusFormula, "float x, [Param] float beta = 2, [Param] float threshold = 20")]
    [InlineData(SoftplusFormula, "float x, [Param] float beta, [Param] float threshold = 1")]
    [InlineData("x > t ? x : 0", "float x, [Param] float t = 1")]
    [InlineData("a * x", "float x, [Trainable] float a = 1")]
    public void NoOtherParameterDoes(string formula, string parameters) =>
        Assert.DoesNotContain("AtUnit", GeneratorHarness.SourceOf(formula, parameters), StringComparison.Ordinal);

    [Fact]
    public void AUnitDefaultThatIsOnlyComparedIsNotInTheCondition()
    {
        string source = GeneratorHarness.SourceOf("x > t ? x : s * x", "float x, [Param] float s = 1, [Param] float t = 1");
        Assert.Contains("if (s == 1f)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("t == 1f", source, StringComparison.Ordinal);
    }

    [Fact]
    public void AProductThatAQuotientKeptFromASumIsNotContractedWithIt()
    {
        // (x·x)/s + x has no multiply-add; with s left out, x·x + x must stay two roundings to give the same bits.
        string source = GeneratorHarness.SourceOf("(x * x) / s + x", "float x, [Param] float s = 1");
        string atUnit = Kernel(source, "ForwardAtUnit");
        Assert.DoesNotContain("MultiplyAdd", Kernel(source, "Forward"), StringComparison.Ordinal);
        Assert.DoesNotContain("MultiplyAdd", atUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("/ s", atUnit, StringComparison.Ordinal);
    }

    private static string Kernel(string source, string name)
    {
        var match = Regex.Match(source, @"public static void " + name + @"<TV>\([^)]*\)\s*where[^\n]*\n\s*\{(?<body>[^}]*)\}");
        Assert.True(match.Success, $"no kernel {name}");
        return match.Groups["body"].Value;
    }

    private static int Statements(string body) => body.Count(c => c == ';');
}
