using System.Collections.Immutable;
using ActivationGen.Generator;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>Runs the generator over source text in a compilation that does not depend on the test host.</summary>
internal static class GeneratorHarness
{
    public const string TestFile = "Activations.cs";

    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location);

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "UserAssembly",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: i == 0 ? TestFile : $"Other{i}.cs")),
        [.. Net100.References.All, Runtime],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() => CSharpGeneratorDriver.Create(
        [new ActivationGenerator().AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Generates, then compiles the result: the diagnostics of both, and the generated sources.</summary>
    public static Outcome Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var all = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        return new Outcome(compilation, result, all, result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()));
    }

    /// <summary>The one generated source of a declaration <c>F(parameters)</c> of <paramref name="formula"/>, which must generate without a diagnostic.</summary>
    public static string SourceOf(string formula, string parameters)
    {
        string type = parameters.StartsWith("double", StringComparison.Ordinal) ? "double" : "float";
        var outcome = Run($$"""
            using ActivationGen;

            public static partial class A
            {
                [Activation("{{formula}}")]
                public static partial {{type}} F({{parameters}});
            }
            """);
        Assert.Empty(outcome.Diagnostics);
        return Assert.Single(outcome.Sources).Value;
    }

    public sealed record Outcome(Compilation Input, GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics, Dictionary<string, string> Sources);
}
