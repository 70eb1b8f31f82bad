using System.Collections.Immutable;
using ActivationGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Demo.Explain;

/// <summary>A diagnostic of the real generator, with the offset of its first character inside the formula (null when it points elsewhere).</summary>
public sealed record GeneratorDiagnostic(string Id, string Severity, string Message, int? FormulaStart, int Length);

/// <summary>
/// Runs the real generator (<see cref="ActivationGenerator"/>) through Roslyn's <see cref="CSharpGeneratorDriver"/> on a
/// declaration synthesized from the formula, exactly as the compiler does in a user's build.
/// </summary>
public static class GeneratorRun
{
    public const string MethodName = "Explained";

    public static (string? Source, IReadOnlyList<GeneratorDiagnostic> Diagnostics) Run(
        string formula, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, IReadOnlyList<string> trainables)
    {
        var declaredParameters = inputs.Select(n => $"float {n}")
            .Concat(parameters.Select(n => $"[Param] float {n}"))
            .Concat(trainables.Select(n => $"[Trainable] float {n}"));
        // A single-line raw string holds the formula verbatim, so an offset in the literal is an offset in the formula.
        string prefix = "using ActivationGen;\n\npublic static partial class ExplainedActivations\n{\n    [Activation(\"\"\"";
        string source = prefix + formula + "\"\"\")]\n"
            + $"    public static partial float {MethodName}({string.Join(", ", declaredParameters)});\n}}\n";

        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Explained.cs");
        var compilation = CSharpCompilation.Create("Explained", [tree], References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new ActivationGenerator());
        driver = driver.RunGenerators(compilation);
        var result = driver.GetRunResult().Results.Single();

        var diagnostics = result.Diagnostics.Select(d =>
        {
            int start = d.Location.SourceSpan.Start - prefix.Length;
            // The generator reports external locations (a path and a span), so match the file by path.
            bool inFormula = d.Location.GetLineSpan().Path == tree.FilePath && start >= 0 && start <= formula.Length;
            return new GeneratorDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(),
                inFormula ? start : null, d.Location.SourceSpan.Length);
        }).OrderBy(d => d.FormulaStart ?? -1).ToList();
        var generated = result.GeneratedSources.Select(s => s.SourceText.ToString()).SingleOrDefault();
        return (generated, diagnostics);
    }

    /// <summary>The running framework's assemblies and the ActivationGen runtime (for the attributes).</summary>
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(ActivationAttribute).Assembly.Location)
            .Distinct();
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });
}
