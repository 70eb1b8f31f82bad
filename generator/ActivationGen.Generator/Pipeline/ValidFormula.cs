using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// The declaration and its bound formula (null when it has errors): the input of code generation.
/// <see cref="IsRewritten"/> tells whether stabilizing changed the formula (the docs then show both forms).
/// </summary>
internal sealed record ValidFormula(ActivationSpec Spec, Expr? Formula, bool IsRewritten);
