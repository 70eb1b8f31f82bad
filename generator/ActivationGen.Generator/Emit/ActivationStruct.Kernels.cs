using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Declarations;

namespace ActivationGen.Generator.Emit;

/// <summary>The struct's kernels: each forwards to the kernel class, with hyperparameters from the properties.</summary>
internal static partial class ActivationStruct
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary>The general forms, one vector per input: the only ones of an activation of three inputs or more.</summary>
    private static void VectorKernels(SourceWriter writer, Shape s, ContractNames names)
    {
        string v = names.Vector;
        var inputs = s.Inputs.Select((_, i) => $"{names.Inputs}[{i}]").ToArray();

        ForwardMember(writer, s, names, $"global::System.ReadOnlySpan<{v}> {names.Inputs}, global::System.ReadOnlySpan<{v}> {names.Trainables}", string.Join(", ", inputs));
        writer.Line();
        KernelHeader(writer, names, $"public void Backward<{v}>(global::System.ReadOnlySpan<{v}> {names.Inputs}, {v} {s.IncomingGradient}, global::System.ReadOnlySpan<{v}> {names.Trainables}, global::System.Span<{v}> {names.InputGradients}, global::System.Span<{v}> {names.TrainableGradients})");
        Body(writer, s, () => BackwardCalls(writer, s, names, inputs, s.InputGradients.Select((_, i) => $"out {names.InputGradients}[{i}]").ToArray()));
    }

    private static void UnaryKernels(SourceWriter writer, Shape s, ContractNames names)
    {
        string v = names.Vector, x = s.Inputs[0].Name, dx = s.InputGradients[0];
        string trainables = $"global::System.ReadOnlySpan<{v}> {names.Trainables}";

        ForwardMember(writer, s, names, $"{v} {x}, {trainables}", x);
        writer.Line();
        KernelHeader(writer, names, $"public {v} Backward<{v}>({v} {x}, {v} {s.IncomingGradient}, {trainables}, global::System.Span<{v}> {names.TrainableGradients})");
        Body(writer, s, () =>
        {
            if (s.Kernels.BackwardWithTrainables is null)
            {
                KernelCall(writer, s, names, "Backward", Shape.Join(x, s.IncomingGradient, VectorParameters(s, names)), [dx]);
            }
            else
            {
                writer.Line($"{v} {dx};");
                BackwardCalls(writer, s, names, [x], ["out " + dx]);
            }
            writer.Line($"return {dx};");
        });
        writer.Line();
        KernelHeader(writer, names, $"public {v} BackwardFromOutput<{v}>({v} {s.Output}, {v} {s.IncomingGradient}, {trainables})");
        if (!s.Kernels.HasBackwardFromOutput)
        {
            writer.Line($"    => throw new global::System.NotSupportedException({NoFromOutput(s)});");
            return;
        }
        Body(writer, s, () =>
        {
            KernelCall(writer, s, names, "BackwardFromOutput", Shape.Join(s.Output, s.IncomingGradient, VectorParameters(s, names)), [dx]);
            writer.Line($"return {dx};");
        });
    }

    private static void BinaryKernels(SourceWriter writer, Shape s, ContractNames names)
    {
        string v = names.Vector;
        var inputs = s.Inputs.Select(p => p.Name).ToArray();
        string trainables = $"global::System.ReadOnlySpan<{v}> {names.Trainables}";

        ForwardMember(writer, s, names, $"{v} {inputs[0]}, {v} {inputs[1]}, {trainables}", string.Join(", ", inputs));
        writer.Line();
        KernelHeader(writer, names, $"public void Backward<{v}>({v} {inputs[0]}, {v} {inputs[1]}, {v} {s.IncomingGradient}, {trainables}, out {v} {s.InputGradients[0]}, out {v} {s.InputGradients[1]}, global::System.Span<{v}> {names.TrainableGradients})");
        Body(writer, s, () => BackwardCalls(writer, s, names, inputs, s.InputGradients.Select(g => "out " + g).ToArray()));
    }

    /// <summary>The forward kernel of every shape: the inputs as its parameters give them, then the kernel class's call.</summary>
    private static void ForwardMember(SourceWriter writer, Shape s, ContractNames names, string parameters, string inputs)
    {
        KernelHeader(writer, names, $"public {names.Vector} Forward<{names.Vector}>({parameters})");
        Body(writer, s, () =>
        {
            KernelCall(writer, s, names, "Forward", Shape.Join(inputs, VectorParameters(s, names)), [s.Output]);
            writer.Line($"return {s.Output};");
        });
    }

    /// <summary>A per-vector member's documentation, inlining attribute, signature and vector constraint.</summary>
    private static void KernelHeader(SourceWriter writer, ContractNames names, string signature)
    {
        writer.Line("/// <inheritdoc/>");
        writer.Line(Inline);
        writer.Line(signature);
        writer.Line($"    {names.Constraint}");
    }

    /// <summary>
    /// The backward tape, or the one that also gives the trainables' gradients when there are trainables and
    /// the caller asked for their gradients: an empty span asks for the input gradients alone, which cost less.
    /// </summary>
    private static void BackwardCalls(SourceWriter writer, Shape s, ContractNames names, string[] inputs, string[] inputGradients)
    {
        string arguments = Shape.Join(string.Join(", ", inputs), s.IncomingGradient, VectorParameters(s, names));
        string[] Call(string kernel, IEnumerable<string> outs) => KernelCall(s, names, kernel, Shape.Join(arguments, string.Join(", ", outs)), []);

        if (s.Kernels.BackwardWithTrainables is null)
        {
            Write(writer, Call("Backward", inputGradients));
            return;
        }
        Branch(writer, $"if ({names.TrainableGradients}.IsEmpty)", Call("Backward", inputGradients));
        Branch(writer, "else", Call("BackwardWithTrainables", inputGradients.Concat(s.Trainables.Select((_, j) => $"out {names.TrainableGradients}[{j}]"))));
    }

    /// <summary>
    /// A call of the kernel class's <paramref name="kernel"/>, declaring the <paramref name="declared"/> outs after
    /// <paramref name="arguments"/>. Where the span members run a kernel without the products and quotients by
    /// hyperparameters declared as 1 (the same results bit for bit), the struct chooses it too: a layer's loop takes
    /// the branch the same way on every vector, and saves a division per vector in Softplus's forward.
    /// </summary>
    private static string[] KernelCall(Shape s, ContractNames names, string kernel, string arguments, string[] declared)
    {
        if (s.Kernels.AtUnit is not { } unit || unit.For(kernel) is null)
            return [$"{s.KernelClass}.{kernel}({Shape.Join(arguments, string.Join(", ", declared.Select(d => "out var " + d)))});"];
        string outs = Shape.Join(arguments, string.Join(", ", declared.Select(d => "out " + d)));
        return
        [
            .. declared.Select(d => $"{names.Vector} {d};"),
            $"if ({string.Join(" && ", unit.Parameters.Select(p => $"{names.Properties[p]} == {s.Element.Literal(1)}"))})",
            $"    {s.KernelClass}.{kernel}AtUnit({outs});",
            "else",
            $"    {s.KernelClass}.{kernel}({outs});",
        ];
    }

    private static void KernelCall(SourceWriter writer, Shape s, ContractNames names, string kernel, string arguments, string[] declared) =>
        Write(writer, KernelCall(s, names, kernel, arguments, declared));

    private static void Write(SourceWriter writer, string[] lines)
    {
        foreach (string line in lines)
            writer.Line(line);
    }

    /// <summary>An if or else arm: one statement indented under it, more in braces.</summary>
    private static void Branch(SourceWriter writer, string header, string[] statements)
    {
        if (statements.Length == 1)
        {
            writer.Line(header);
            writer.Line("    " + statements[0]);
            return;
        }
        using (writer.Block(header))
            Write(writer, statements);
    }

    /// <summary>The span members of the declaring type, with the trainables shared (one value each).</summary>
    private static void SpanMembers(SourceWriter writer, Shape s, ContractNames names)
    {
        string x = s.Inputs[0].Name, dx = s.InputGradients[0], dy = s.IncomingGradient, y = s.Output;
        string name = $"{names.Outer}.{s.Spec.Identifier}";
        string trainables = $"{s.ReadOnlySpan} {names.Trainables}";

        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void Forward({s.ReadOnlySpan} {x}, {s.Span} {y}, {trainables})");
        Calls(writer, s, $"{name}({Shape.Join($"{x}, {y}", ScalarParameters(s, names))});");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void Backward({s.ReadOnlySpan} {x}, {s.ReadOnlySpan} {dy}, {s.Span} {dx}, {trainables}, {s.Span} {names.TrainableGradients})");
        string backward = $"{name}Backward({Shape.Join($"{x}, {dy}, {dx}", ScalarParameters(s, names))});";
        if (s.Trainables.Length == 0)
            Calls(writer, s, backward);
        else
            Calls(writer, s, backward, $"{name}Backward({Shape.Join($"{x}, {dy}, {dx}", ScalarParameters(s, names), string.Join(", ", s.Trainables.Select((_, j) => $"out {names.TrainableGradients}[{j}]")))});", names);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void BackwardFromOutput({s.ReadOnlySpan} {y}, {s.ReadOnlySpan} {dy}, {s.Span} {dx}, {trainables})");
        if (!s.Kernels.HasBackwardFromOutput)
            writer.Line($"    => throw new global::System.NotSupportedException({NoFromOutput(s)});");
        else
            Calls(writer, s, $"{name}BackwardFromOutput({Shape.Join($"{y}, {dy}, {dx}", ScalarParameters(s, names))});");
    }

    /// <summary>The two-input span members of the declaring type, with the trainables shared.</summary>
    private static void BinarySpanMembers(SourceWriter writer, Shape s, ContractNames names)
    {
        string a = s.Inputs[0].Name, b = s.Inputs[1].Name, da = s.InputGradients[0], db = s.InputGradients[1], dy = s.IncomingGradient, y = s.Output;
        string name = $"{names.Outer}.{s.Spec.Identifier}";
        string trainables = $"{s.ReadOnlySpan} {names.Trainables}";

        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void Forward({s.ReadOnlySpan} {a}, {s.ReadOnlySpan} {b}, {s.Span} {y}, {trainables})");
        Calls(writer, s, $"{name}({Shape.Join($"{a}, {b}, {y}", ScalarParameters(s, names))});");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void Backward({s.ReadOnlySpan} {a}, {s.ReadOnlySpan} {b}, {s.ReadOnlySpan} {dy}, {s.Span} {da}, {s.Span} {db}, {trainables}, {s.Span} {names.TrainableGradients})");
        string backward = $"{name}Backward({Shape.Join($"{a}, {b}, {dy}, {da}, {db}", ScalarParameters(s, names))});";
        if (s.Trainables.Length == 0)
            Calls(writer, s, backward);
        else
            Calls(writer, s, backward, $"{name}Backward({Shape.Join($"{a}, {b}, {dy}, {da}, {db}", ScalarParameters(s, names), string.Join(", ", s.Trainables.Select((_, j) => $"out {names.TrainableGradients}[{j}]")))});", names);
    }

    /// <summary>
    /// A span member's body, forwarding to the declaring type's member; one of a declaration with errors throws
    /// itself, since a user member may have taken the name it would forward to (AG0022).
    /// </summary>
    private static void Calls(SourceWriter writer, Shape s, string call) =>
        writer.Line("    => " + (s.Kernels.IsValid ? call : PublicMembers.Throw(s.Spec.Name) + ";"));

    /// <summary>The same, choosing the member that also sums the trainables' gradients when the caller asks for them.</summary>
    private static void Calls(SourceWriter writer, Shape s, string withoutTrainables, string withTrainables, ContractNames names) =>
        Body(writer, s, () =>
        {
            writer.Line($"if ({names.TrainableGradients}.IsEmpty)");
            writer.Line("    " + withoutTrainables);
            writer.Line("else");
            writer.Line("    " + withTrainables);
        });

    /// <summary>Every partial at one point: the backward tape on one lane with dy = 1, as the scalar derivative runs it.</summary>
    private static void Partials(SourceWriter writer, Shape s, ContractNames names)
    {
        string one = s.Element.Vector("Vec1");
        var inputs = s.Inputs.Select((_, i) => $"{one}.Create({names.Inputs}[{i}])");
        var parameters = s.Parameters.Select(p => p.Kind == ParameterKind.Trainable
            ? $"{one}.Create({names.Trainables}[{System.Array.IndexOf(s.Trainables, p)}])"
            : $"{one}.Create({names.Properties[p.Name]})");
        var outs = s.InputGradients.Concat(s.TrainableGradients).ToArray();
        string kernel = s.Trainables.Length == 0 ? "Backward" : "BackwardWithTrainables";

        writer.Line("/// <inheritdoc/>");
        writer.Line($"public void Partials({s.ReadOnlySpan} {names.Inputs}, {s.ReadOnlySpan} {names.Trainables}, {s.Span} {names.InputPartials}, {s.Span} {names.TrainablePartials})");
        Body(writer, s, () =>
        {
            writer.Line($"{s.KernelClass}.{kernel}({Shape.Join(string.Join(", ", inputs), $"{one}.Create({s.Element.Literal(1)})", string.Join(", ", parameters), string.Join(", ", outs.Select(o => "out var " + o)))});");
            for (int i = 0; i < s.InputGradients.Length; i++)
                writer.Line($"{names.InputPartials}[{i}] = {one}.Sum({s.InputGradients[i]});");
            for (int j = 0; j < s.TrainableGradients.Length; j++)
                writer.Line($"{names.TrainablePartials}[{j}] = {one}.Sum({s.TrainableGradients[j]});");
        });
    }

    /// <summary>
    /// A kernel member's body: the kernel calls of a valid declaration, or the throw that every member of a
    /// declaration with errors has (so that code using the struct compiles while the AG error is fixed).
    /// </summary>
    private static void Body(SourceWriter writer, Shape s, System.Action calls)
    {
        if (!s.Kernels.IsValid)
        {
            writer.Line("    => " + PublicMembers.Throw(s.Spec.Name) + ";");
            return;
        }
        using (writer.Block())
            calls();
    }

    /// <summary>The kernels' parameters in declaration order: hyperparameters broadcast, trainables as given.</summary>
    private static string VectorParameters(Shape s, ContractNames names) => string.Join(", ", s.Parameters.Select(p => p.Kind == ParameterKind.Trainable
        ? $"{names.Trainables}[{System.Array.IndexOf(s.Trainables, p)}]"
        : $"{names.Vector}.Create({names.Properties[p.Name]})"));

    /// <summary>The span members' parameters in declaration order: hyperparameters, and the shared trainables.</summary>
    private static string ScalarParameters(Shape s, ContractNames names) => string.Join(", ", s.Parameters.Select(p => p.Kind == ParameterKind.Trainable
        ? $"{names.Trainables}[{System.Array.IndexOf(s.Trainables, p)}]"
        : names.Properties[p.Name]));

    private static string NoFromOutput(Shape s) =>
        CSharpString.Literal($"{s.Spec.Name} has no backward from the output alone: keep the input and call Backward.");
}
