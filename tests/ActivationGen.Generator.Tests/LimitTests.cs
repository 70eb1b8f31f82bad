using System.Reflection;
using ActivationGen.Generator.Calculus;
using ActivationGen.Generator.Formula;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// The generator's limits (issue 7, item 10): a flat formula of 10,000 terms is wide, not deep, and its
/// generated code compiles and computes the sum; 500 declarations generate; an unrelated edit re-runs
/// nothing. Nothing here is timed (the machine is shared): GeneratorBenchmarks measures the generator's
/// time, and docs/generator.md has the figures.
/// </summary>
[Collection(nameof(LimitTests))]
[CollectionDefinition(nameof(LimitTests), DisableParallelization = true)]
public sealed class LimitTests
{
    public static string FlatFormula(int terms) =>
        string.Join(" + ", Enumerable.Range(1, terms).Select(i => $"{i}*sigmoid(x*{i})"));

    public static string ManyDeclarations(int count) => "using ActivationGen;\n\npublic static partial class Many\n{\n"
        + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"    [Activation(\"x * sigmoid(beta * x) + {i} * tanh(x / {i + 1})\")]\n    public static partial float F{i}(float x, [Trainable] float beta);\n"))
        + "}\n";

    /// <summary>Compiled, loaded and called: Σ i·σ(i·x) and its derivative Σ i²·σ(i·x)·σ(−i·x), against the sums in double.</summary>
    [Fact]
    public void AFlatFormulaOfTenThousandTermsCompilesAndComputesTheSum()
    {
        const int Terms = 10_000;
        var compilation = GeneratorHarness.Compile($$"""
            using ActivationGen;

            public static partial class Wide
            {
                [Activation("{{FlatFormula(Terms)}}")]
                public static partial float F(float x);
            }
            """);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var wide = BenchmarkHarness.Load(output).GetType("Wide")!;
        var value = wide.GetMethod("F", [typeof(float)])!;
        var derivative = wide.GetMethod("FDerivative", [typeof(float)])!;

        foreach (float x in new[] { -0.02f, 0f, 1e-4f, 0.25f })
        {
            double sum = 0, slope = 0;
            for (int i = 1; i <= Terms; i++)
            {
                double s = 1 / (1 + Math.Exp(-i * (double)x));
                sum += i * s;
                slope += (double)i * i * s * (1 - s);
            }
            // A balanced tree of float additions: the error grows with log2(10,000), not with 10,000.
            Assert.Equal(sum, (float)value.Invoke(null, [x])!, Math.Abs(sum) * 1e-5);
            Assert.Equal(slope, (float)derivative.Invoke(null, [x])!, Math.Abs(slope) * 1e-5 + 1e-3);
        }
    }

    [Fact]
    public void FiveHundredDeclarationsGenerateAFileEach()
    {
        var outcome = GeneratorHarness.Run(ManyDeclarations(500));

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal(500, outcome.Result.GeneratedTrees.Length);
    }

    [Fact]
    public void AnUnrelatedEditAmongFiveHundredDeclarationsReRunsNothing()
    {
        var compilation = GeneratorHarness.Compile(ManyDeclarations(500));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackingNames.All)
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs), o =>
                Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
    }

    /// <summary>
    /// Printed out, the derivative of a product of n factors is quadratic in n (each factor times all the
    /// others; 400 million characters for 5,000): what crashed the test host of the flat-chain tests. The
    /// readable math stops at a budget, and what it keeps is exactly the start of the whole text.
    /// </summary>
    [Fact]
    public void ThePrintedDerivativeOfALongProductIsCutShortAndIsAPrefixOfTheWhole()
    {
        var product = Enumerable.Range(1, 60).Select(i => Trees.Call(Op.Sin, Trees.Multiply(Trees.Var("x"), Trees.Num(i)))).Aggregate(Trees.Multiply);
        var derivative = ReverseMode.Gradients(product, Trees.One, ["x"], Gates.Off)[0];

        string whole = Printer.Print(derivative);
        string cut = Printer.Print(derivative, 500);

        Assert.True(whole.Length > 20_000, $"{whole.Length} characters");
        Assert.Equal(whole[..500] + "…", cut);
        Assert.Equal(whole, Printer.Print(derivative, whole.Length));
    }

    [Theory]
    [InlineData("2^", 300)]          // right-nested powers
    [InlineData("-(", 300)]          // nested negations
    public void TrueNestingPastTheLimitIsAG0010(string opener, int depth)
    {
        string formula = opener == "2^"
            ? string.Concat(Enumerable.Repeat("2^", depth)) + "x"
            : string.Concat(Enumerable.Repeat("-(", depth)) + "x" + new string(')', depth);
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;
            public static partial class Deep
            {
                [Activation("{{formula}}")]
                public static partial float F(float x);
            }
            """);

        Assert.Equal("AG0010", Assert.Single(outcome.Diagnostics).Id);
    }
}
