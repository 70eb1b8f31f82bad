using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Declarations;

/// <summary>A declaration and where it sits: the positions feed diagnostics only, never the emitted code.</summary>
internal sealed record Declaration(ActivationSpec Spec, FormulaSource Source, EquatableArray<DiagnosticInfo> Diagnostics);
