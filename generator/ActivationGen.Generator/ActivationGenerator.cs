using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Emit;
using ActivationGen.Generator.Pipeline;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator;

/// <summary>
/// Wires the pipeline: declarations → bind → formula → differentiate → lower → emit, with diagnostics reported
/// from a separate branch so that they never force the sources to be emitted again.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActivationGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ActivationSpec.ActivationAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                ActivationSpec.Parse)
            .WithTrackingName(TrackingNames.Declarations);

        var bound = declarations.Select(static (d, _) => BoundActivation.Bind(d)).WithTrackingName(TrackingNames.Bind);
        var formulas = bound.Select(static (b, _) => b.ToFormula()).WithTrackingName(TrackingNames.Formula);
        var differentiated = formulas.Select(static (f, _) => DifferentiatedActivation.Differentiate(f)).WithTrackingName(TrackingNames.Differentiate);
        var lowered = differentiated.Select(static (d, _) => ActivationKernels.LowerAll(d)).WithTrackingName(TrackingNames.Lower);
        var sources = lowered
            .Select(static (k, _) => (k.Spec.HintName, Text: ActivationEmitter.Emit(k)))
            .WithTrackingName(TrackingNames.Emit);
        var diagnostics = bound.Select(static (b, _) => b.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);

        // Hint names are compared ignoring case and must be unique: F and f, or a repeated declaration,
        // still get a file each (the desired name, else a numbered one), in source order.
        context.RegisterSourceOutput(sources.Collect(), static (output, all) =>
        {
            var taken = new HintNames();
            foreach (var source in all)
                if (source.Text is not null)
                    output.AddSource(taken.Take(source.HintName), source.Text);
        });
        // Reported against the compilation's own trees, so that they are in source: the IDE then offers code
        // fixes for them. The combination only re-runs this loop; no step of the pipeline depends on it.
        context.RegisterSourceOutput(diagnostics.Combine(context.CompilationProvider), static (output, pair) =>
        {
            foreach (var diagnostic in pair.Left)
                output.ReportDiagnostic(diagnostic.ToDiagnostic(pair.Right));
        });
        BenchmarkStubPipeline.Register(context);
    }
}
