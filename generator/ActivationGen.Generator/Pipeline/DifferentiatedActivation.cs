using System.Linq;
using ActivationGen.Generator.Calculus;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// The formula and its derivatives. <see cref="Partials"/> are ∂f/∂p for every input then every trainable
/// parameter (for documentation and the scalar derivative); <see cref="InputAdjoints"/> and
/// <see cref="AllAdjoints"/> are dy·∂f/∂p, the bodies of the backward kernels; <see cref="FromOutput"/> is
/// ∂f/∂x written from y = f(x) alone, when the generator finds such a form.
/// </summary>
internal sealed record DifferentiatedActivation(
    ActivationSpec Spec,
    Expr? Formula,
    EquatableArray<Expr> Partials,
    EquatableArray<Expr> InputAdjoints,
    EquatableArray<Expr> AllAdjoints,
    string IncomingGradient,
    Expr? FromOutput)
{
    public static DifferentiatedActivation Differentiate(ValidFormula bound)
    {
        var spec = bound.Spec;
        if (bound.Formula is not { } formula)
            return new DifferentiatedActivation(spec, null, default, default, default, "", null);

        var inputs = spec.Parameters.Where(p => p.Kind == ParameterKind.Input).Select(p => p.Name).ToArray();
        var wrt = inputs.Concat(spec.Parameters.Where(p => p.Kind == ParameterKind.Trainable).Select(p => p.Name)).ToArray();
        string dy = Names.Unique("dy", spec);
        var partials = ReverseMode.Gradients(formula, E.One, wrt);
        var parameters = spec.Parameters.Where(p => p.Kind != ParameterKind.Input).Select(p => p.Name).ToArray();
        var fromOutput = inputs.Length == 1
            ? Calculus.FromOutput.Derivative(formula, partials[0], inputs[0], Names.Unique("y", spec), parameters)
            : null;
        return new DifferentiatedActivation(
            spec,
            formula,
            partials.ToEquatableArray(),
            ReverseMode.Gradients(formula, E.Var(dy), inputs).ToEquatableArray(),
            ReverseMode.Gradients(formula, E.Var(dy), wrt).ToEquatableArray(),
            dy,
            fromOutput);
    }
}
