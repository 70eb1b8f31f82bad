using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Diagnostics;

/// <summary>A diagnostic kept as plain values, so that it can flow through a cached pipeline.</summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, SourceSpan? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location?.ToLocation(), [.. Arguments]);
}
