using System.Collections.Immutable;
using System.Linq;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Diagnostics;

/// <summary>A diagnostic kept as plain values, so that it can flow through a cached pipeline.</summary>
/// <remarks><see cref="Properties"/> carry data for code fixes (the unknown name and its suggestion).</remarks>
internal sealed record DiagnosticInfo(
    DiagnosticDescriptor Descriptor,
    SourceSpan? Location,
    EquatableArray<string> Arguments,
    EquatableArray<DiagnosticProperty> Properties)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, SourceSpan? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray(), EquatableArray<DiagnosticProperty>.Empty);

    public Diagnostic ToDiagnostic(Compilation compilation) => Diagnostic.Create(
        Descriptor,
        Location is { } at ? at.ToLocation(compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == at.FilePath)) : null,
        Properties.ToImmutableDictionary(p => p.Key, p => (string?)p.Value),
        [.. Arguments]);
}

/// <summary>One entry of a diagnostic's properties.</summary>
internal sealed record DiagnosticProperty(string Key, string Value)
{
    /// <summary>The unknown name as written in the formula (AG0002, AG0003).</summary>
    public const string Name = "Name";

    /// <summary>The name to write instead, when there is a near one.</summary>
    public const string Suggestion = "Suggestion";
}
