using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>The pipeline caches: edits that do not touch a declaration re-run nothing downstream of it.</summary>
public sealed class IncrementalityTests
{
    private const string Source = """
        using ActivationGen;

        namespace Users;

        public static partial class MyActivations
        {
            [Activation("x * sigmoid(beta * x)")]
            public static partial float Swish(float x, [Trainable] float beta);

            [Activation("x > 0 ? x : alpha * expm1(x)")]
            public static partial double Elu(double x, [Param] double alpha = 1);

            [Activation("x * sigmod(x)")]
            public static partial float Broken(float x);
        }
        """;

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int field; }", GeneratorHarness.ParseOptions));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllStepsReused(result, TrackingNames.All);
    }

    [Fact]
    public void CommentEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new(Source.Length, 0), "\n// a comment after the declarations\n"))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllStepsReused(result, TrackingNames.All);
    }

    [Fact]
    public void MovingADeclarationReportsNewPositionsButEmitsNothingAgain()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(
            new Microsoft.CodeAnalysis.Text.TextChange(new(0, 0), "// a comment that shifts every position\n"))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAllStepsReused(result, [TrackingNames.Formula, TrackingNames.Differentiate, TrackingNames.Lower, TrackingNames.Emit]);
        Assert.Contains(result.TrackedSteps[TrackingNames.Diagnostics].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void EditingAFormulaReEmitsOnlyThatDeclaration()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            Source.Replace("alpha * expm1(x)", "alpha * (exp(x) - 1) "))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var emitted = result.TrackedSteps[TrackingNames.Emit].SelectMany(s => s.Outputs).ToArray();
        // The docs show the formula as written, so the edited declaration is emitted again, and only it.
        Assert.All(emitted, o => Assert.True(
            o.Value.ToString()!.Contains("Elu.g.cs") == (o.Reason == IncrementalStepRunReason.Modified), $"{o.Value}: {o.Reason}"));
        Assert.Contains(result.TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void ModelsHoldNoSymbolsSyntaxOrCompilations()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var name in TrackingNames.All)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
        }
    }

    internal static void AssertAllStepsReused(GeneratorRunResult result, IEnumerable<string> steps)
    {
        foreach (var name in steps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} was not tracked");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} was {output.Reason}");
        }
    }

    internal static void Walk(object? node, string path, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
            return;
        Assert.False(node is ISymbol, $"{path} holds a symbol");
        Assert.False(node is SyntaxNode, $"{path} holds a syntax node");
        Assert.False(node is Compilation, $"{path} holds a compilation");
        Assert.False(node is Location, $"{path} holds a location");
        if (node is IEnumerable items)
        {
            int i = 0;
            foreach (var item in items)
                Walk(item, $"{path}[{i++}]", seen);
            return;
        }
        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            Walk(field.GetValue(node), $"{path}.{field.Name}", seen);
    }
}
