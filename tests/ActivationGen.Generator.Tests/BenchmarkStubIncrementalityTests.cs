using System.Collections.Generic;
using ActivationGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>The stub pipeline caches like the kernels' one, and its models hold no symbols either.</summary>
public sealed class BenchmarkStubIncrementalityTests
{
    private const string Library = """
        using ActivationGen;

        namespace Library;

        public static partial class Shared
        {
            [Activation("x * sigmoid(beta * x)")]
            public static partial float Swish(float x, [Trainable] float beta = 1);
        }
        """;

    private const string Source = """
        using ActivationGen;

        [assembly: BenchmarkActivations(typeof(Library.Shared), Sizes = new[] { 4096 })]

        namespace Users;

        public static partial class MyActivations
        {
            [ActivationBenchmark(InputMin = -2, InputMax = 2)]
            [Activation("x > 0 ? x : alpha * expm1(x)")]
            public static partial double Elu(double x, [Param] double alpha = 1);

            [Activation("tanh(x) * sigmoid(h)")]
            public static partial float Gated(float x, float h);
        }
        """;

    private static CSharpCompilation Compilation() =>
        BenchmarkHarness.Compile("Bench", [.. BenchmarkHarness.BenchmarkDotNet, BenchmarkHarness.Library("Library", Library)], Source);

    [Fact]
    public void UnrelatedEditLeavesEveryStubStepCachedOrUnchanged()
    {
        var compilation = Compilation();
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int field; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        IncrementalityTests.AssertAllStepsReused(result, BenchmarkTrackingNames.All);
    }

    [Fact]
    public void StubModelsHoldNoSymbolsSyntaxOrCompilations()
    {
        var result = GeneratorHarness.CreateDriver().RunGenerators(Compilation()).GetRunResult().Results.Single();

        Assert.Equal(3, result.GeneratedSources.Count(s => s.HintName.EndsWith(".Benchmarks.g.cs", StringComparison.Ordinal)));
        foreach (var name in BenchmarkTrackingNames.All)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
                IncrementalityTests.Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }
}
