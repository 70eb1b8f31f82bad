using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Pipeline;

/// <summary>The declaration and its bound formula (null when it has errors): the input of code generation.</summary>
internal sealed record ValidFormula(ActivationSpec Spec, Expr? Formula);
