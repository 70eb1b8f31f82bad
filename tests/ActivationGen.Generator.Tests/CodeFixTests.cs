using ActivationGen.CodeFixes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ActivationGen.Generator.Tests;

/// <summary>The IDE fix for an unknown function or name: the generator's diagnostic, fixed by the code fix, compiles clean.</summary>
public sealed class CodeFixTests
{
    [Fact]
    public Task AnUnknownFunctionIsReplacedWithTheSuggestion() => Verify(
        """
        [Activation("x * {|AG0003:sigmod|}(beta * x)")]
        public static partial float F(float x, [Trainable] float beta);
        """,
        """
        [Activation("x * sigmoid(beta * x)")]
        public static partial float F(float x, [Trainable] float beta);
        """);

    [Fact]
    public Task AnUnknownNameIsReplacedWithTheSuggestion() => Verify(
        """
        [Activation("x * sigmoid({|AG0002:betta|} * x)")]
        public static partial float F(float x, [Trainable] float beta);
        """,
        """
        [Activation("x * sigmoid(beta * x)")]
        public static partial float F(float x, [Trainable] float beta);
        """);

    [Fact]
    public Task EveryOccurrenceIsFixedAtOnce() => Verify(
        """
        [Activation("{|AG0003:tanhh|}(x) + {|AG0003:tanhh|}(2 * x)")]
        public static partial float F(float x);
        """,
        """
        [Activation("tanh(x) + tanh(2 * x)")]
        public static partial float F(float x);
        """);

    [Fact]
    public Task WithoutASuggestionThereIsNoFix() => Verify(
        """
        [Activation("x * {|AG0003:zzzzzzzz|}(x)")]
        public static partial float F(float x);
        """,
        null);

    [Fact]
    public void TheFixHandlesWhatTheGeneratorReportsWithSuggestions()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;
            public static partial class P
            {
                [Activation("x * sigmod(betta * x)")]
                public static partial float F(float x, float beta);
            }
            """);

        Assert.Equal(["AG0002", "AG0003"], outcome.Diagnostics.Select(d => d.Id).Order());
        Assert.All(outcome.Diagnostics, d => Assert.Contains(d.Id, new ReplaceWithSuggestion().FixableDiagnosticIds));
        Assert.All(outcome.Diagnostics, d => Assert.True(d.Properties.ContainsKey(ReplaceWithSuggestion.SuggestionProperty)));
        Assert.All(outcome.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Descriptor.HelpLinkUri)));
    }

    private static Task Verify(string members, string? fixedMembers)
    {
        string Wrap(string body) => $$"""
            using ActivationGen;

            public static partial class P
            {
            {{string.Join("\n", body.Split('\n').Select(l => "    " + l))}}
            }
            """;
        var test = new GeneratorCodeFixTest { TestCode = Wrap(members), FixedCode = Wrap(fixedMembers ?? members) };
        if (fixedMembers is null)
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }

    /// <summary>The generator runs inside the test workspace; its diagnostics are the ones to fix.</summary>
    private sealed class GeneratorCodeFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, ReplaceWithSuggestion, DefaultVerifier>
    {
        public GeneratorCodeFixTest()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(Net100.References.All);
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location));
            // Generated sources are the generator's business (snapshot tests); here only the user's file counts.
            TestBehaviors = TestBehaviors.SkipGeneratedSourcesCheck;
        }

        protected override IEnumerable<Type> GetSourceGenerators() => [typeof(ActivationGenerator)];

        protected override Microsoft.CodeAnalysis.CompilationOptions CreateCompilationOptions() =>
            ((Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions)base.CreateCompilationOptions()).WithAllowUnsafe(true);
    }
}
