using System.Linq;
using ActivationGen.Generator.Calculus;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// The formula and its derivatives. <see cref="Partials"/> are ∂f/∂p for every input then every trainable
/// parameter (for documentation and the scalar derivative); <see cref="InputAdjoints"/> and
/// <see cref="AllAdjoints"/> are dy·∂f/∂p, the bodies of the backward kernels; <see cref="Derivative"/> is ∂f/∂x of
/// a single-input activation with the guards, which the forward-with-derivative kernel computes beside f; <see cref="FromOutput"/> is
/// ∂f/∂x written from y = f(x) alone, when the generator finds such a form, valid where every one of
/// <see cref="FromOutputConditions"/> holds (checked by the member at run time). <see cref="Formula"/> and
/// <see cref="Partials"/> are the math the docs show; <see cref="Executable"/> and the adjoints carry the
/// generator's guards too (limits at ±∞, saturation gates), which change no finite result.
/// </summary>
internal sealed record DifferentiatedActivation(
    ActivationSpec Spec,
    Expr? Formula,
    bool IsRewritten,
    Expr? Executable,
    EquatableArray<Expr> Partials,
    EquatableArray<Expr> InputAdjoints,
    EquatableArray<Expr> AllAdjoints,
    Expr? Derivative,
    string IncomingGradient,
    Expr? FromOutput,
    EquatableArray<string> FromOutputConditions)
{
    public static DifferentiatedActivation Differentiate(ValidFormula bound)
    {
        var spec = bound.Spec;
        if (bound.Formula is not { } formula)
            return new DifferentiatedActivation(spec, null, false, null, default, default, default, null, "", null, default);

        var inputs = spec.Parameters.Where(p => p.Kind == ParameterKind.Input).Select(p => p.Name).ToArray();
        var wrt = inputs.Concat(spec.Parameters.Where(p => p.Kind == ParameterKind.Trainable).Select(p => p.Name)).ToArray();
        string dy = Names.Unique("dy", spec);
        // Partials without gates: they are the math of the docs, and from-output forms are sought in them.
        var partials = ReverseMode.Gradients(formula, Trees.One, wrt, Gates.Off);
        var executable = Stabilize.WithLimits(formula);
        var parameters = spec.Parameters.Where(p => p.Kind != ParameterKind.Input).Select(p => p.Name).ToArray();
        var fromOutput = inputs.Length == 1
            ? Calculus.FromOutput.Derivative(formula, partials[0], inputs[0], Names.Unique("y", spec), parameters)
            : null;
        var inputAdjoints = ReverseMode.Gradients(executable, Trees.Var(dy), inputs, Gates.On);
        // Without trainables they are the same sweep: one fewer over a formula of 10,000 terms.
        var allAdjoints = wrt.Length == inputs.Length ? inputAdjoints : ReverseMode.Gradients(executable, Trees.Var(dy), wrt, Gates.On);
        return new DifferentiatedActivation(
            spec,
            formula,
            bound.IsRewritten,
            executable,
            partials.ToEquatableArray(),
            inputAdjoints.ToEquatableArray(),
            allAdjoints.ToEquatableArray(),
            inputs.Length == 1 ? ReverseMode.Gradients(executable, Trees.One, inputs, Gates.On)[0] : null,
            dy,
            fromOutput?.Derivative,
            (fromOutput?.Conditions ?? []).ToEquatableArray());
    }
}
