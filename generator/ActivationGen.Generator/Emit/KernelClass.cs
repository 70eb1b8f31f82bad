using System.Linq;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The file-local kernel class: the formula and its adjoints as straight-line code generic over the vector
/// width, and the loops that run them over spans. One body serves every width and the scalar member.
/// </summary>
internal static class KernelClass
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static void Write(SourceWriter writer, Shape s)
    {
        var k = s.Kernels;
        string one = s.Element.Vector("Vec1");
        var inputs = s.Inputs.Select(p => p.Name).ToArray();
        string scalarArgs = Shape.Join(string.Join(", ", inputs.Select(n => $"{s.T} {n}")), s.ParameterList(false));
        string lifted = string.Join(", ", inputs.Concat(s.Parameters.Select(p => p.Name)).Select(n => $"{one}.Create({n})"));
        string vectorInputs = string.Join(", ", inputs.Select(n => "TV " + n));
        string vectorParameters = string.Join(", ", s.Parameters.Select(p => "TV " + p.Name));

        writer.Line($"/// <summary>Kernels of <c>{System.Security.SecurityElement.Escape(k.FormulaDoc)}</c>, generic over the vector width.</summary>");
        writer.Line(ActivationEmitter.GeneratedCode);
        using (writer.Block($"file static class {s.KernelClass}"))
        {
            // Sum of a one-lane vector is its lane: the scalar members run the same code as the span kernels.
            writer.Line($"public static {s.T} Value({scalarArgs}) => {one}.Sum(Forward({lifted}));");
            if (k.Derivative is not null)
                writer.Line($"public static {s.T} Derivative({scalarArgs}) => {one}.Sum(DerivativeOf({lifted}));");

            VectorKernel(writer, s, $"TV Forward<TV>({Shape.Join(vectorInputs, vectorParameters)})", k.Forward!, null);
            var inputOuts = s.InputGradients.Select(g => "out TV " + g).ToArray();
            VectorKernel(writer, s, $"void Backward<TV>({Shape.Join(vectorInputs, "TV " + s.IncomingGradient, vectorParameters, string.Join(", ", inputOuts))})",
                k.Backward!, s.InputGradients);
            if (k.BackwardWithTrainables is { } withTrainables)
            {
                var allOuts = s.InputGradients.Concat(s.TrainableGradients).ToArray();
                VectorKernel(writer, s, $"void BackwardWithTrainables<TV>({Shape.Join(vectorInputs, "TV " + s.IncomingGradient, vectorParameters, string.Join(", ", allOuts.Select(g => "out TV " + g)))})",
                    withTrainables, allOuts);
            }
            if (k.Derivative is { } derivative)
                VectorKernel(writer, s, $"TV DerivativeOf<TV>({Shape.Join(vectorInputs, vectorParameters)})", derivative, null);
            if (k.BackwardFromOutput is { } fromOutput)
                VectorKernel(writer, s, $"void BackwardFromOutput<TV>({Shape.Join("TV " + s.Output, "TV " + s.IncomingGradient, vectorParameters, string.Join(", ", inputOuts))})",
                    fromOutput, s.InputGradients);

            var backwardReads = inputs.Append(s.IncomingGradient).ToArray();
            SpanLoops.WriteForward(writer, s);
            SpanLoops.WriteBackward(writer, s, "Backward", backwardReads, []);
            if (k.BackwardWithTrainables is not null)
                SpanLoops.WriteBackward(writer, s, "BackwardWithTrainables", backwardReads, s.TrainableGradients);
            if (k.BackwardFromOutput is not null)
                SpanLoops.WriteBackward(writer, s, "BackwardFromOutput", [s.Output, s.IncomingGradient], []);
        }
    }

    private static void VectorKernel(SourceWriter writer, Shape s, string signature, Tape tape, string[]? outs)
    {
        writer.Line();
        writer.Line(Inline);
        writer.Line($"public static {signature}");
        writer.Line($"    {s.Element.Constraint}");
        using (writer.Block())
        {
            var results = TapeWriter.Write(writer, tape, s.Element);
            if (outs is null)
                writer.Line($"return {results[0]};");
            else
                for (int i = 0; i < outs.Length; i++)
                    writer.Line($"{outs[i]} = {results[i]};");
        }
    }
}
