using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Formula.Syntax;

/// <summary>
/// A problem in the formula text, positioned by character offsets into that text. <see cref="Suggestion"/> is
/// the name an unknown name or function should probably be (it is in the message too, for people).
/// </summary>
internal sealed record FormulaError(DiagnosticDescriptor Descriptor, int Start, int Length, params string[] Arguments)
{
    public string? Suggestion { get; init; }
}
