using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Tests.Formula;

/// <summary>Diagnostics a user can act on, at the exact characters: catalog names, '**', unclosed '(', locals.</summary>
public sealed class FormulaDiagnosticTests
{
    [Theory]
    [InlineData("x**2", "AG0001", "**", "write '^'")]
    [InlineData("sigmoid(x * 2", "AG0001", "(", "never closed")]
    [InlineData("2 * (x + 1", "AG0001", "(", "never closed")]
    [InlineData("exp(x + (2 * x)", "AG0001", "(", "never closed")]
    [InlineData("elu(x)", "AG0003", "elu", "x > 0 ? x : alpha * (exp(x) - 1)")]
    [InlineData("hardtanh(x)", "AG0003", "hardtanh", "x <= min ? min : (x >= max ? max : x)")]
    [InlineData("rellu(x)", "AG0003", "rellu", "did you mean 'relu'?")]
    [InlineData("relu(x, 2)", "AG0004", "relu(x, 2)", "takes 1")]
    [InlineData("let x = 2 in x", "AG0020", "x", "already")]
    [InlineData("let u = x in let u = 2 * u in u", "AG0020", "u", "already")]
    [InlineData("let u = x in", "AG0001", "\"", "expected")]
    [InlineData("let u = x * x", "AG0001", "\"", "'in'")]
    [InlineData("let uu = x in uv", "AG0002", "uv", "did you mean 'uu'?")]
    public void PointsAtTheCharacters(string formula, string id, string underlined, string message)
    {
        var outcome = Run(formula);
        var diagnostic = Assert.Single(outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(underlined, TextAt(outcome, diagnostic));
        Assert.Contains(message, diagnostic.GetMessage());
    }

    [Fact]
    public void AnUnusedLocalIsAWarningAtItsName()
    {
        var outcome = Run("let u = x * x in x");
        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("AG0021", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("u", TextAt(outcome, diagnostic));
    }

    [Theory]
    // A catalog name is its textbook formula; a local is its value (so both forms generate the same code).
    [InlineData("relu(x)", "x > 0 ? x : 0")]
    [InlineData("gelu(x)", "0.5 * x * (1 + erf(x / sqrt(2)))")]
    [InlineData("silu(x)", "x * sigmoid(x)")]
    [InlineData("mish(2 * x)", "2 * x * tanh(softplus(2 * x))")]
    [InlineData("logsigmoid(x)", "log(sigmoid(x))")]
    [InlineData("let u = clamp(x, -13, 11) in u * sigmoid(u)", "clamp(x, -13, 11) * sigmoid(clamp(x, -13, 11))")]
    [InlineData("let u = 2 * x in let v = u * u in v + u", "(2 * x) * (2 * x) + 2 * x")]
    public void SugarAndLocalsExpandToTheirFormula(string formula, string expanded)
    {
        static string Kernels(string source)
        {
            // The kernel class, without its doc line (which shows the formula as written).
            int start = source.IndexOf("file static class", StringComparison.Ordinal);
            return source.Substring(start);
        }
        var sugared = Run(formula);
        var plain = Run(expanded);
        Assert.Empty(sugared.Diagnostics);
        Assert.Empty(plain.Diagnostics);
        Assert.Equal(Kernels(plain.Sources.Single().Value), Kernels(sugared.Sources.Single().Value));
    }

    private static GeneratorHarness.Outcome Run(string formula) => GeneratorHarness.Run($$"""
        using ActivationGen;

        public static partial class MyActivations
        {
            [Activation("{{formula}}")]
            public static partial float F(float x);
        }
        """);

    private static string TextAt(GeneratorHarness.Outcome outcome, Diagnostic diagnostic)
    {
        string path = diagnostic.Location.GetLineSpan().Path;
        var tree = outcome.Input.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
