using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests;

/// <summary>Compilations for the stub tests: with or without BenchmarkDotNet, with a compiled library as a metadata reference.</summary>
internal static class BenchmarkHarness
{
    /// <summary>BenchmarkDotNet's attributes live in two assemblies: [Benchmark] in the annotations, [MemoryDiagnoser] in the main one.</summary>
    public static readonly MetadataReference[] BenchmarkDotNet =
    [
        MetadataReference.CreateFromFile(typeof(global::BenchmarkDotNet.Attributes.BenchmarkAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(global::BenchmarkDotNet.Attributes.MemoryDiagnoserAttribute).Assembly.Location),
    ];

    private static readonly MetadataReference Runtime = MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location);

    public static CSharpCompilation Compile(string name, IEnumerable<MetadataReference> extra, params string[] sources) => CSharpCompilation.Create(
        name,
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, path: $"{name}{i}.cs")),
        [.. Net100.References.All, Runtime, .. extra],
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
            // As the .NET SDK does: BenchmarkDotNet is built against an older System.Runtime than the reference assemblies.
            .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));

    /// <summary>Generates into the compilation; returns the generated sources by file name and every warning or error.</summary>
    public static (Dictionary<string, string> Sources, ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Run(CSharpCompilation compilation)
    {
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var diagnostics = generatorDiagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        var sources = output.SyntaxTrees.Where(t => !compilation.SyntaxTrees.Contains(t))
            .ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString());
        return (sources, diagnostics, output);
    }

    /// <summary>A library built with the generator, as a compiled (metadata) reference.</summary>
    public static MetadataReference Library(string name, string source)
    {
        var (_, diagnostics, output) = Run(Compile(name, [], source));
        Assert.Empty(diagnostics);
        using var image = new MemoryStream();
        var result = output.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>Emits the compilation and loads it in a collectible context, to run what it holds.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true).LoadFromStream(image);
    }
}
