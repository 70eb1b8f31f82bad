using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Emit;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Generator.Pipeline;

/// <summary>Names of the stub pipeline's steps, so tests can assert that each one caches.</summary>
internal static class BenchmarkTrackingNames
{
    public const string Host = "BenchmarkHost";
    public const string SourceTargets = "BenchmarkSourceTargets";
    public const string ReferencedTargets = "BenchmarkReferencedTargets";
    public const string Stubs = "BenchmarkStubs";
    public const string Emit = "BenchmarkEmit";

    public static readonly string[] All = [Host, SourceTargets, ReferencedTargets, Stubs, Emit];
}

/// <summary>
/// The benchmark stubs, a branch of its own beside the kernels: declarations in source and the activations of
/// the types [assembly: BenchmarkActivations] names in referenced assemblies flow through the same transforms into
/// one <c>Name.Benchmarks.g.cs</c> each, and only when the compilation references BenchmarkDotNet.
/// </summary>
internal static class BenchmarkStubPipeline
{
    public static void Register(IncrementalGeneratorInitializationContext context)
    {
        var host = context.CompilationProvider
            .Select(static (c, token) => BenchmarkHost.Read(c, token))
            .WithTrackingName(BenchmarkTrackingNames.Host);
        var enabled = host.Select(static (h, _) => h.ReferencesBenchmarkDotNet);
        var sizes = host.Select(static (h, _) => h.Sizes);

        var fromSource = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ActivationSpec.ActivationAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                BenchmarkTarget.FromSource)
            .Combine(enabled)
            .Where(static pair => pair.Right && pair.Left is not null)
            .Select(static (pair, _) => pair.Left!)
            .WithTrackingName(BenchmarkTrackingNames.SourceTargets);
        var fromMetadata = host
            .SelectMany(static (h, _) => h.Referenced)
            .WithTrackingName(BenchmarkTrackingNames.ReferencedTargets);

        Emit(context, fromSource, sizes);
        Emit(context, fromMetadata, sizes);
    }

    private static void Emit(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<BenchmarkTarget> targets,
        IncrementalValueProvider<EquatableArray<int>> sizes)
    {
        var sources = targets
            .Select(static (t, _) => BenchmarkStub.Of(t))
            .WithTrackingName(BenchmarkTrackingNames.Stubs)
            .Where(static s => s is not null)
            .Combine(sizes)
            .Select(static (pair, _) => (pair.Left!.HintName, Text: BenchmarkStubEmitter.Emit(pair.Left!, pair.Right)))
            .WithTrackingName(BenchmarkTrackingNames.Emit);
        context.RegisterSourceOutput(sources, static (output, source) => output.AddSource(source.HintName, source.Text));
    }
}
