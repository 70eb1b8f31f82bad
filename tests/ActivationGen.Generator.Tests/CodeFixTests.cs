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
        var byId = outcome.Diagnostics.ToDictionary(d => d.Id);
        Assert.Equal(("sigmod", "sigmoid"), (byId["AG0003"].Properties[ReplaceWithSuggestion.NameProperty], byId["AG0003"].Properties[ReplaceWithSuggestion.SuggestionProperty]));
        Assert.Equal(("betta", "beta"), (byId["AG0002"].Properties[ReplaceWithSuggestion.NameProperty], byId["AG0002"].Properties[ReplaceWithSuggestion.SuggestionProperty]));
        Assert.All(outcome.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.Descriptor.HelpLinkUri)));
    }

    /// <summary>
    /// The fix reads the name and the suggestion from the diagnostic's properties, never from its message: here
    /// a diagnostic whose message suggests nothing at all is fixed all the same.
    /// </summary>
    [Fact]
    public Task TheSuggestionComesFromThePropertiesNotTheMessage()
    {
        var test = new CSharpCodeFixTest<PropertiesOnly, ReplaceWithSuggestion, DefaultVerifier>
        {
            TestCode = "class C { string formula = \"x * {|AG0003:sigmod|}(x)\"; }",
            FixedCode = "class C { string formula = \"x * sigmoid(x)\"; }",
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(Net100.References.All);
        return test.RunAsync();
    }

    // A test double, run only by the code-fix harness: the rules for shipped analyzers (release tracking, an
    // assembly of its own) do not apply to it.
#pragma warning disable RS1001, RS1036, RS2008
    /// <summary>Reports AG0003 on "sigmod" with a message that names no suggestion; only the properties carry it.</summary>
    private sealed class PropertiesOnly : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("AG0003", "Unknown function", "Unknown function", "Test", DiagnosticSeverity.Error, isEnabledByDefault: true);

        public override System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSyntaxTreeAction(tree =>
            {
                int at = tree.Tree.GetText().ToString().IndexOf("sigmod", StringComparison.Ordinal);
                if (at < 0)
                    return; // fixed
                var properties = System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty
                    .Add(ReplaceWithSuggestion.NameProperty, "sigmod")
                    .Add(ReplaceWithSuggestion.SuggestionProperty, "sigmoid");
                tree.ReportDiagnostic(Diagnostic.Create(Rule, Location.Create(tree.Tree, new Microsoft.CodeAnalysis.Text.TextSpan(at, 6)), properties));
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS2008

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
