using System.Threading;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// An activation that gets a benchmark stub: its declaration read from the symbol, its stub settings, and whether its
/// type has the forward with derivative (an assembly built by an older ActivationGen lacks it; this one emits it).
/// </summary>
internal sealed record BenchmarkTarget(ActivationSpec Spec, BenchmarkOptions Options, bool HasWithDerivative = true)
{
    /// <summary>A declaration in this compilation; null when it cannot get a stub (errors, not callable).</summary>
    public static BenchmarkTarget? FromSource(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return From((IMethodSymbol)context.TargetSymbol, mustBePublic: false);
    }

    /// <summary>A declaration in this compilation, or (<paramref name="fromMetadata"/>) one read from a referenced assembly.</summary>
    public static BenchmarkTarget? From(IMethodSymbol method, bool mustBePublic, bool fromMetadata = false) =>
        ActivationSpec.FromSymbol(method, mustBePublic) is { } spec
            ? new BenchmarkTarget(spec, BenchmarkOptions.Of(method), !fromMetadata || method.ContainingType.GetMembers(method.Name + "WithDerivative").Length > 0)
            : null;
}
