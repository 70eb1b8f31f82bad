using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// Writes a stub's guard: each span member runs once on the benchmark data and is compared, at a stride, with
/// the formula's tapes evaluated in double (<see cref="BenchmarkStubReference"/>); trainable sums are compared
/// over a prefix, since a sum needs every element.
/// </summary>
internal static class BenchmarkStubGuard
{
    public static void Write(SourceWriter writer, BenchmarkStubNames n)
    {
        var stub = n.Stub;
        var scope = n.Locals();
        string guard = scope.Take("guard"), i = scope.Take("i");
        string Args(params IEnumerable<string>[] groups) => string.Join(", ", groups.SelectMany(g => g));
        string At(string span) => $"{span}[{i}]";
        var expected = n.InputGradients.Select(g => scope.Take(g + "Expected")).ToArray();
        string call = $"{stub.DeclaringType}.{stub.Name}";

        writer.Line("/// <summary>Throws unless every kernel agrees with the double evaluation of the formula on this data.</summary>");
        using (writer.Block("private void Check()"))
        {
            writer.Line($"var {guard} = new global::ActivationGen.Benchmarking.BenchmarkGuard({BenchmarkStubEmitter.Quote(stub.DisplayName)}, N, sizeof({n.T}));");
            var forwardRows = new List<(string Row, string Label)> { ("Scalar", $"{stub.Name}(scalar)"), ("Forward", $"{stub.Name}(spans)") };
            if (stub.HasWithDerivative)
                forwardRows.Add(("WithDerivative", $"{stub.Name}WithDerivative {n.ForwardOutput}"));
            foreach (var (row, label) in forwardRows)
            {
                writer.Line($"{row}();");
                writer.Line($"for (int {i} = 0; {i} < N; {i} += {guard}.Stride)");
                writer.Line($"    {guard}.Agree({BenchmarkStubEmitter.Quote(label)}, {i}, {At(n.ForwardOutput)}, ForwardInDouble({Args(n.Inputs.Select(At), n.Parameters)}));");
            }
            var backwardRows = new List<(string Row, string Label)>();
            if (stub.HasDerivative)
                backwardRows.Add(("ScalarBackward", stub.Name + "Derivative"));
            backwardRows.Add(("Backward", stub.Name + "Backward"));
            if (stub.HasFromOutput)
                backwardRows.Add(("BackwardFromOutput", stub.Name + "BackwardFromOutput"));
            if (stub.HasWithDerivative)
                backwardRows.Add(("BackwardFromDerivative", $"SavedDerivative.Backward({stub.Name}WithDerivative's {n.Derivative})"));
            foreach (var (row, label) in backwardRows)
            {
                writer.Line($"{row}();");
                using (writer.Block($"for (int {i} = 0; {i} < N; {i} += {guard}.Stride)"))
                {
                    writer.Line($"BackwardInDouble({Args(n.Inputs.Select(At), [At(n.IncomingGradient)], n.Parameters, expected.Select(e => "out double " + e))});");
                    for (int k = 0; k < expected.Length; k++)
                        writer.Line($"{guard}.Agree({BenchmarkStubEmitter.Quote(label + " " + n.InputGradients[k])}, {i}, {At(n.InputGradients[k])}, {expected[k]});");
                }
            }
            if (stub.BackwardWithTrainables is not null)
                WriteTrainableCheck(writer, n, scope, guard, call, expected);
            writer.Line($"{guard}.ThrowIfFailed();");
        }

        var inputs = stub.Inputs.ToArray();
        var parameters = stub.Parameters.Select(p => p.Name).ToArray();
        BenchmarkStubReference.Write(writer, "ForwardInDouble", "f in double, from the forward tape: the guard's reference.",
            stub.Forward, inputs.Concat(parameters), returns: true, []);
        BenchmarkStubReference.Write(writer, "BackwardInDouble", $"{stub.IncomingGradient}·∂f/∂input in double, from the backward tape.",
            stub.Backward, inputs.Append(stub.IncomingGradient).Concat(parameters), returns: false, stub.InputGradients);
        if (stub.BackwardWithTrainables is { } withTrainables)
            BenchmarkStubReference.Write(writer, "BackwardWithTrainablesInDouble", $"The backward and each trainable's term {stub.IncomingGradient}·∂f/∂q in double.",
                withTrainables, inputs.Append(stub.IncomingGradient).Concat(parameters), returns: false, stub.InputGradients.Concat(stub.TrainableGradients));
    }

    private static void WriteTrainableCheck(SourceWriter writer, BenchmarkStubNames n, NameScope scope, string guard, string call, string[] expected)
    {
        var stub = n.Stub;
        string length = scope.Take("prefix"), i = scope.Take("k");
        var sums = stub.TrainableGradients.Select(g => scope.Take(g + "Sum")).ToArray();
        var magnitudes = stub.TrainableGradients.Select(g => scope.Take(g + "Magnitude")).ToArray();
        var terms = stub.TrainableGradients.Select(g => scope.Take(g + "Term")).ToArray();
        writer.Line($"int {length} = {guard}.PrefixLength;");
        string spans = string.Join(", ", n.Inputs.Append(n.IncomingGradient).Concat(n.InputGradients).Select(s => $"global::System.MemoryExtensions.AsSpan({s}, 0, {length})"));
        writer.Line($"{call}Backward({BenchmarkStubNames.Join(spans, n.ParameterArguments, string.Join(", ", stub.TrainableGradients.Select(g => $"out {n.T} {g}")))});");
        writer.Line($"double {string.Join(", ", sums.Concat(magnitudes).Select(s => s + " = 0"))};");
        using (writer.Block($"for (int {i} = 0; {i} < {length}; {i}++)"))
        {
            var outs = expected.Concat(terms).Select(e => "out double " + e);
            writer.Line($"BackwardWithTrainablesInDouble({string.Join(", ", n.Inputs.Append(n.IncomingGradient).Select(s => $"{s}[{i}]").Concat(n.Parameters).Concat(outs))});");
            for (int k = 0; k < expected.Length; k++)
                writer.Line($"{guard}.Agree({BenchmarkStubEmitter.Quote(stub.Name + "Backward(…, out) " + n.InputGradients[k])}, {i}, {n.InputGradients[k]}[{i}], {expected[k]});");
            for (int k = 0; k < terms.Length; k++)
            {
                writer.Line($"{sums[k]} += {terms[k]};");
                writer.Line($"{magnitudes[k]} += global::System.Math.Abs({terms[k]});");
            }
        }
        for (int k = 0; k < terms.Length; k++)
            writer.Line($"{guard}.AgreeSum({BenchmarkStubEmitter.Quote(stub.Name + "Backward " + stub.TrainableGradients[k])}, {stub.TrainableGradients[k]}, {sums[k]}, {magnitudes[k]});");
    }
}
