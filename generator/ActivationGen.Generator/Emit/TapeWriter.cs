using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;

using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>Writes a tape as one statement per instruction, naming each temporary after what it holds.</summary>
internal static class TapeWriter
{
    /// <summary>Writes the statements and returns the C# expression of each output.</summary>
    public static string[] Write(SourceWriter writer, Tape tape, Shape s, NameScope scope)
    {
        var names = new Dictionary<int, string>();
        var counts = new Dictionary<string, int>();
        foreach (var instruction in tape.Instructions)
        {
            string stem = Stem(instruction.Op);
            counts[stem] = counts.TryGetValue(stem, out int n) ? n + 1 : 0;
            string name = scope.Take(stem + counts[stem]);
            names[instruction.Temp] = name;
            var args = instruction.Args.Select(a => Render(a, names, s)).ToArray();
            writer.Line($"{s.VectorType} {name} = {Expression(instruction.Op, args, s.Element, s.VectorType)};");
        }
        return tape.Outputs.Select(o => Render(o, names, s)).ToArray();
    }

    private static string Render(Operand operand, Dictionary<int, string> names, Shape s) => operand.Kind switch
    {
        OperandKind.Temp => names[operand.Temp],
        OperandKind.Variable => operand.Name,
        _ => $"{s.VectorType}.Create({s.Element.Literal(operand.Value)})",
    };

    private static string Expression(Op op, string[] a, ElementSyntax element, string v)
    {
        var f = Functions.Of(op);
        return f.RuntimeKind switch
        {
            RuntimeKind.Operator => string.Format(System.Globalization.CultureInfo.InvariantCulture, f.Runtime, a),
            RuntimeKind.Vector => $"{v}.{f.Runtime}({string.Join(", ", a)})",
            RuntimeKind.Math => $"{element.Math}.{f.Runtime}({string.Join(", ", a)})",
            _ => throw new System.InvalidOperationException("ActivationGen internal error: runtime kind " + f.RuntimeKind),
        };
    }

    // Public since the benchmark stubs name their values the same way (stubs branch); the stems live in the function table (harden-core).
    public static string Stem(Op op) => Functions.Of(op).Stem;
}
