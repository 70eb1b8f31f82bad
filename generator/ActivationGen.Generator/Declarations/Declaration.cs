using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// A declaration and where it sits: the positions (the formula's characters, each parameter's name) feed
/// diagnostics only, never the emitted code.
/// </summary>
internal sealed record Declaration(
    ActivationSpec Spec,
    FormulaSource Source,
    EquatableArray<SourceSpan> ParameterLocations,
    EquatableArray<DiagnosticInfo> Diagnostics);
