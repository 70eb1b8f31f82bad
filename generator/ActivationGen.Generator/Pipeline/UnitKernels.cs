using System.Globalization;
using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// The kernels a span member runs instead while every one of <see cref="Parameters"/> (the hyperparameters declared
/// with a default of 1 that a kernel multiplies or divides by) is 1: the same results, bit for bit, without the products and quotients by them
/// (<see cref="UnitParameters"/>). A kernel is null where they save no instruction; the whole is null where none is saved.
/// </summary>
internal sealed record UnitKernels(
    EquatableArray<string> Parameters,
    Tape? Forward,
    Tape? Backward,
    Tape? BackwardWithTrainables,
    Tape? BackwardFromOutput,
    Tape? ForwardWithDerivative)
{
    public static UnitKernels? Of(ActivationSpec spec, Tape forward, Tape backward, Tape? backwardWithTrainables, Tape? backwardFromOutput, Tape? forwardWithDerivative)
    {
        var tapes = new[] { forward, backward, backwardWithTrainables, backwardFromOutput, forwardWithDerivative }.OfType<Tape>().ToArray();
        // Only those that some kernel multiplies or divides by: one that is only compared would just narrow the condition.
        var units = spec.Parameters
            .Where(p => p.Kind == ParameterKind.Param && IsOne(p.Default))
            .Select(p => p.Name)
            .Where(u => tapes.Any(t => UnitParameters.Specialize(t, [u]) is not null))
            .ToArray();
        var kernels = new UnitKernels(
            units.ToEquatableArray(),
            UnitParameters.Specialize(forward, units),
            UnitParameters.Specialize(backward, units),
            backwardWithTrainables is null ? null : UnitParameters.Specialize(backwardWithTrainables, units),
            backwardFromOutput is null ? null : UnitParameters.Specialize(backwardFromOutput, units),
            forwardWithDerivative is null ? null : UnitParameters.Specialize(forwardWithDerivative, units));
        return kernels is { Forward: null, Backward: null, BackwardWithTrainables: null, BackwardFromOutput: null, ForwardWithDerivative: null } ? null : kernels;
    }

    /// <summary>The kernel that stands in for the span member <paramref name="kernel"/> (its name in the kernel class), or null.</summary>
    public Tape? For(string kernel) => kernel switch
    {
        "Forward" => Forward,
        "Backward" => Backward,
        "BackwardWithTrainables" => BackwardWithTrainables,
        "BackwardFromOutput" => BackwardFromOutput,
        "ForwardWithDerivative" => ForwardWithDerivative,
        _ => null,
    };

    // A declared default is the C# literal the declaration parser wrote: "1f", "1d", or an integer's "1".
    private static bool IsOne(string? literal) =>
        literal is not null
        && double.TryParse(literal.TrimEnd('f', 'd'), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
        && value == 1;
}
