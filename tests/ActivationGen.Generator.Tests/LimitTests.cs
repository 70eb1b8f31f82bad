using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// The generator's limits (issue 7, item 10): a flat formula of 10,000 terms is wide, not deep, and generates
/// in under 2 s; 500 declarations generate in under 5 s; an unrelated edit re-runs nothing. Asserted on the
/// processor time of the generator run, with a generous factor, since the machine is shared; the measured
/// figures are in docs/generator.md (GeneratorBenchmarks).
/// </summary>
[Collection(nameof(LimitTests))]
[CollectionDefinition(nameof(LimitTests), DisableParallelization = true)]
public sealed class LimitTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Generosity = 4;

    public static string FlatFormula(int terms) =>
        string.Join(" + ", Enumerable.Range(1, terms).Select(i => $"{i}*sigmoid(x*{i})"));

    public static string ManyDeclarations(int count) => "using ActivationGen;\n\npublic static partial class Many\n{\n"
        + string.Concat(Enumerable.Range(0, count).Select(i =>
            $"    [Activation(\"x * sigmoid(beta * x) + {i} * tanh(x / {i + 1})\")]\n    public static partial float F{i}(float x, [Trainable] float beta);\n"))
        + "}\n";

    [Fact]
    public void AFlatFormulaOfTenThousandTermsGeneratesQuickly()
    {
        var source = $$"""
            using ActivationGen;

            public static partial class Wide
            {
                [Activation("{{FlatFormula(10_000)}}")]
                public static partial float F(float x);
            }
            """;

        var (result, processor) = Generate(source);

        Assert.Empty(result.Diagnostics);
        string generated = Assert.Single(result.GeneratedTrees).GetText().ToString();
        output.WriteLine($"{processor.TotalSeconds:F2} s of processor time, {generated.Length / 1024} KiB generated");
        Assert.Contains("file static class FKernels", generated);
        Assert.True(processor < TimeSpan.FromSeconds(2 * Generosity), $"{processor.TotalSeconds:F2} s of processor time");
    }

    [Fact]
    public void FiveHundredDeclarationsGenerateQuickly()
    {
        var (result, processor) = Generate(ManyDeclarations(500));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(500, result.GeneratedTrees.Length);
        output.WriteLine($"{processor.TotalSeconds:F2} s of processor time");
        Assert.True(processor < TimeSpan.FromSeconds(5 * Generosity), $"{processor.TotalSeconds:F2} s of processor time");
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

    /// <summary>Runs the generator once warm (the first run also compiles the generator's own code) and measures the second.</summary>
    private static (GeneratorDriverRunResult Result, TimeSpan Processor) Generate(string source)
    {
        GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(ManyDeclarations(3)));
        var compilation = GeneratorHarness.Compile(source);
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var processor = Process.GetCurrentProcess().TotalProcessorTime - before;
        return (driver.GetRunResult(), processor);
    }
}
