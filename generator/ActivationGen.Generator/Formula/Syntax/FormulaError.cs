using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Formula.Syntax;

/// <summary>A problem in the formula text, positioned by character offsets into that text.</summary>
internal sealed record FormulaError(DiagnosticDescriptor Descriptor, int Start, int Length, params string[] Arguments);
