using System.Threading;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Declarations;

/// <summary>An activation that gets a benchmark stub: its declaration read from the symbol, and its stub settings.</summary>
internal sealed record BenchmarkTarget(ActivationSpec Spec, BenchmarkOptions Options)
{
    /// <summary>A declaration in this compilation; null when it cannot get a stub (errors, not callable).</summary>
    public static BenchmarkTarget? FromSource(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return From((IMethodSymbol)context.TargetSymbol, mustBePublic: false);
    }

    public static BenchmarkTarget? From(IMethodSymbol method, bool mustBePublic) =>
        ActivationSpec.FromSymbol(method, mustBePublic) is { } spec ? new BenchmarkTarget(spec, BenchmarkOptions.Of(method)) : null;
}
