using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Tests;

/// <summary>Every bad input gives exactly one AG diagnostic, at the offending text, and no follow-on errors.</summary>
public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("x * (1 + ", "AG0001", "\"")]                       // ends early: points at the closing quote
    [InlineData("x # 2", "AG0001", "#")]
    [InlineData("x & x", "AG0001", "&")]
    [InlineData("2 * (x + 1))", "AG0001", ")")]
    [InlineData("x * sigmod(x)", "AG0003", "sigmod")]
    [InlineData("x * betta", "AG0002", "betta")]
    [InlineData("exp * x", "AG0002", "exp")]
    [InlineData("max(x)", "AG0004", "max(x)")]
    [InlineData("clamp(x, 0)", "AG0004", "clamp(x, 0)")]
    [InlineData("x > 0", "AG0011", "x > 0")]
    [InlineData("x ? 1 : 0", "AG0011", "x")]
    [InlineData("(x > 0) * x", "AG0011", "x > 0")]
    public void FormulaErrorsPointAtTheOffendingText(string formula, string id, string underlined)
    {
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x, [Trainable] float beta);
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics.Where(d => d.Id != "AG0013"));
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(underlined, TextAt(outcome, diagnostic));
    }

    [Fact]
    public void SuggestsTheNearestFunction()
    {
        var outcome = Run("""
            [Activation("x * sigmod(x)")]
            public static partial float F(float x);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Contains("did you mean 'sigmoid'?", diagnostic.GetMessage());
    }

    [Fact]
    public void SuggestsTheNearestParameter()
    {
        var outcome = Run("""
            [Activation("x * sigmoid(betta * x)")]
            public static partial float F(float x, [Trainable] float beta);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Contains("did you mean 'beta'?", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("x * s\\u0069gmod(x)", "s\\u0069gmod")]    // escapes in the literal shift every later character
    [InlineData("x\\t* sigmod(x)", "sigmod")]
    public void LocationsAccountForEscapes(string formula, string underlined)
    {
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Equal("AG0003", diagnostic.Id);
        Assert.Equal(underlined, TextAt(outcome, diagnostic));
    }

    [Fact]
    public void VerbatimAndRawLiteralsAreLocatedToo()
    {
        var outcome = Run(""""
            [Activation(@"x * sigmod(x)")]
            public static partial float F(float x);

            [Activation("""x + betta""")]
            public static partial float G(float x);
            """");

        Assert.Equal(["sigmod", "betta"], outcome.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).Select(d => TextAt(outcome, d)));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("null")]
    public void EmptyOrNullFormula(string argument)
    {
        var outcome = Run($$"""
            [Activation({{argument}})]
            public static partial float F(float x);
            """);
        // Passing null to the non-nullable parameter also earns the compiler's own nullable warning.
        var diagnostic = Assert.Single(outcome.Diagnostics.Where(d => d.Id != "CS8625"));

        Assert.Equal("AG0005", diagnostic.Id);
        Assert.Equal(argument, TextAt(outcome, diagnostic));
    }

    [Theory]
    [InlineData("public static float F(float x) => x;", "AG0006", "F")]
    [InlineData("public partial float F(float x);", "AG0006", "F")]
    [InlineData("public static partial int F(float x);", "AG0007", "int")]
    [InlineData("public static partial float F(int x);", "AG0007", "x")]
    [InlineData("public static partial float F(ref float x);", "AG0007", "x")]
    [InlineData("public static partial float F(float x, double y);", "AG0007", "y")]
    [InlineData("public static partial float F<T>(float x) where T : struct;", "AG0008", "F")]
    [InlineData("public static partial float F();", "AG0009", "F", "pi")]
    [InlineData("public static partial float F([Param] float x);", "AG0009", "F")]
    [InlineData("public static partial float F(float x, [Param, Trainable] float beta);", "AG0012", "beta", "x * beta")]
    public void DeclarationErrors(string declaration, string id, string underlined, string formula = "x")
    {
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            {{declaration}}
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(underlined, TextAt(outcome, diagnostic));
    }

    /// <summary>
    /// The generated part makes the compiler's own error precise (CS0260, missing partial modifier, at the
    /// type) and replaces CS0751 and CS8795; the generator adds no error of its own.
    /// </summary>
    [Fact]
    public void EnclosingTypeMustBePartial()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static class Plain
            {
                [Activation("x")]
                public static partial float F(float x);
            }
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("CS0260", diagnostic.Id);
        Assert.Equal("Plain", TextAt(outcome, diagnostic));
    }

    [Fact]
    public void UnusedParameterIsAWarning()
    {
        var outcome = Run("""
            [Activation("x * 2")]
            public static partial float F(float x, [Param] float unused);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Equal("AG0013", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("unused", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData(5000)]
    [InlineData(300)]
    public void DeepNestingIsADiagnosticNotAStackOverflow(int depth)
    {
        string formula = new string('(', depth) + "x" + new string(')', depth);
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Equal("AG0010", diagnostic.Id);
    }

    /// <summary>
    /// Compiled too. The product's printed derivative is quadratic in its length (each factor times all the
    /// others), which the struct's <c>Info</c> once held in full: 400 million characters, and a test host
    /// killed for want of memory. The generated file stays linear in the formula.
    /// </summary>
    [Theory]
    [InlineData(" + ")]
    [InlineData(" - ")]
    [InlineData(" * ")]
    public void LongFlatChainsAreWideNotDeep(string op)
    {
        string formula = string.Join(op, Enumerable.Range(1, 5000).Select(i => $"sin(x * {i})"));
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x);
            """);

        Assert.Empty(outcome.Diagnostics);
        Assert.True(outcome.Sources.Values.Single().Length < 100 * formula.Length, $"{outcome.Sources.Values.Single().Length} characters generated");
    }

    [Fact]
    public void LongChainsOfDivisionsAreBoundedToo()
    {
        string formula = "x" + string.Concat(Enumerable.Repeat(" / 2", 300));
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Equal("AG0010", diagnostic.Id);
    }

    [Fact]
    public void DeepUnaryChainsAreBoundedToo()
    {
        string formula = string.Concat(Enumerable.Repeat("-", 20000)) + "x";
        var outcome = Run($$"""
            [Activation("{{formula}}")]
            public static partial float F(float x);
            """);
        var diagnostic = Assert.Single(outcome.Diagnostics);

        Assert.Equal("AG0010", diagnostic.Id);
    }

    private static GeneratorHarness.Outcome Run(string members) => GeneratorHarness.Run($$"""
        using ActivationGen;

        public partial class MyActivations
        {
            {{members}}
        }
        """);

    private static string TextAt(GeneratorHarness.Outcome outcome, Diagnostic diagnostic)
    {
        // Generator diagnostics carry a path and a span rather than a tree: read the text from the input.
        string path = diagnostic.Location.GetLineSpan().Path;
        var tree = outcome.Input.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
