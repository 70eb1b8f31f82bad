using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// Everything the emitter needs: straight-line tapes for each kernel and the math for the docs.
/// Tapes are null for a declaration with errors, which then gets a body that throws. <see cref="FormulaDoc"/>
/// is the formula as the generator rewrote it, or empty when it did not.
/// </summary>
internal sealed record ActivationKernels(
    ActivationSpec Spec,
    Tape? Forward,
    Tape? Backward,
    Tape? BackwardWithTrainables,
    Tape? BackwardFromOutput,
    Tape? ForwardWithDerivative,
    string IncomingGradient,
    string FormulaDoc,
    EquatableArray<string> PartialDocs,
    string? FromOutputDoc,
    EquatableArray<string> FromOutputConditions,
    UnitKernels? AtUnit)
{
    /// <summary>
    /// The readable math (docs, <c>Info</c>, explain) stops after this many characters: a product's derivative
    /// printed out is quadratic in the number of factors, and the struct's <c>Info</c> holds it in full.
    /// </summary>
    public const int LongestDoc = 5000;

    public bool IsValid => Forward is not null;

    /// <summary>Single-input activations get a scalar derivative.</summary>
    public bool HasDerivative => Spec.Parameters.Count(p => p.Kind == ParameterKind.Input) == 1;

    /// <summary>
    /// Whether the from-output member exists. A declaration with errors gets it whenever it could exist (one
    /// input), so that its call sites show no error until the formula is fixed.
    /// </summary>
    public bool HasBackwardFromOutput => IsValid ? BackwardFromOutput is not null : HasDerivative;

    public static ActivationKernels LowerAll(DifferentiatedActivation d)
    {
        if (d.Formula is not { } formula)
            return new ActivationKernels(d.Spec, null, null, null, null, null, Names.Unique("dy", d.Spec), "", default, null, default, null);

        bool hasTrainables = d.Spec.Parameters.Any(p => p.Kind == ParameterKind.Trainable);
        var forward = Lower.ToTape(d.Executable!);
        var backward = Lower.ToTape([.. d.InputAdjoints]);
        var backwardWithTrainables = hasTrainables ? Lower.ToTape([.. d.AllAdjoints]) : null;
        var backwardFromOutput = d.FromOutput is { } fromOutput ? Lower.ToTape(Trees.Multiply(Trees.Var(d.IncomingGradient), fromOutput)) : null;
        // One tape for both, so the derivative reuses the forward's values (sigmoid' = s·(1 − s) takes f's s).
        var forwardWithDerivative = d.Derivative is { } derivative ? Lower.ToTape(d.Executable!, derivative) : null;
        return new ActivationKernels(
            d.Spec,
            forward,
            backward,
            backwardWithTrainables,
            backwardFromOutput,
            forwardWithDerivative,
            d.IncomingGradient,
            d.IsRewritten ? Printer.Print(formula, LongestDoc) : "",
            d.Partials.Select(p => Printer.Print(p, LongestDoc)).ToEquatableArray(),
            d.FromOutput is null ? null : Printer.Print(d.FromOutput, LongestDoc),
            d.FromOutputConditions,
            UnitKernels.Of(d.Spec, forward, backward, backwardWithTrainables, backwardFromOutput, forwardWithDerivative));
    }
}
