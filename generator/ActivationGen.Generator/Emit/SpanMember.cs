using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// One span member of the generated API: which spans it reads and writes and which sums it returns. The
/// public member, the width dispatch, the loop and the parallel job of a member are all written from this.
/// </summary>
/// <remarks>
/// A declaration with errors gets the same members without tapes (their bodies throw), so that this list
/// decides the API of valid and invalid declarations alike. One without inputs has no span members at all.
/// </remarks>
internal sealed record SpanMember(string Kernel, string PublicName, string[] Reads, string[] Writes, string[] Sums, Lowering.Tape? Tape)
{
    public static IEnumerable<SpanMember> Of(Shape s)
    {
        var k = s.Kernels;
        if (s.Inputs.Length == 0)
            yield break;
        var inputs = s.Inputs.Select(p => p.Name).ToArray();
        var backwardReads = inputs.Append(s.IncomingGradient).ToArray();
        yield return new SpanMember("Forward", s.Spec.Identifier, inputs, [s.Output], [], k.Forward);
        yield return new SpanMember("Backward", s.Spec.Name + "Backward", backwardReads, s.InputGradients, [], k.Backward);
        if (s.Trainables.Length > 0)
            yield return new SpanMember("BackwardWithTrainables", s.Spec.Name + "Backward", backwardReads, s.InputGradients, s.TrainableGradients, k.BackwardWithTrainables);
        if (k.HasBackwardFromOutput)
            yield return new SpanMember("BackwardFromOutput", s.Spec.Name + "BackwardFromOutput", [s.Output, s.IncomingGradient], s.InputGradients, [], k.BackwardFromOutput);
        if (k.HasDerivative)
            yield return new SpanMember("ForwardWithDerivative", s.Spec.Name + "WithDerivative", inputs, [s.Output, s.DerivativeOutput], [], k.ForwardWithDerivative);
    }

    /// <summary>
    /// The member's stand-in while its declaration's unit hyperparameters are 1 (<see cref="Pipeline.UnitKernels"/>):
    /// the same spans and parameters, a kernel named with "AtUnit" that has fewer instructions; null where it saves none.
    /// </summary>
    public SpanMember? AtUnit(Shape s) =>
        s.Kernels.AtUnit?.For(Kernel) is { } tape ? this with { Kernel = Kernel + "AtUnit", Tape = tape } : null;

    /// <summary>The forward with derivative, or its stand-in at unit hyperparameters.</summary>
    public bool IsForwardWithDerivative => Kernel.StartsWith("ForwardWithDerivative", System.StringComparison.Ordinal);

    /// <summary>"ReadOnlySpan&lt;float&gt; x, Span&lt;float&gt; y, float beta[, out float dBeta]".</summary>
    public string Parameters(Shape s, bool withDefaults) => Shape.Join(
        string.Join(", ", Reads.Select(n => $"{s.ReadOnlySpan} {n}")),
        string.Join(", ", Writes.Select(n => $"{s.Span} {n}")),
        s.ParameterList(withDefaults && Sums.Length == 0),
        string.Join(", ", Sums.Select(g => $"out {s.T} {g}")));

    /// <summary>"x, y, beta[, out dBeta]", with each span and each sum passed through the given rewrites.</summary>
    public string Arguments(Shape s, System.Func<string, string>? span = null, System.Func<string, string>? sum = null) => Shape.Join(
        string.Join(", ", Reads.Concat(Writes).Select(span ?? (n => n))),
        s.ParameterNames,
        string.Join(", ", Sums.Select(sum ?? (g => "out " + g))));

    public string LengthOf => Writes[0];
}
