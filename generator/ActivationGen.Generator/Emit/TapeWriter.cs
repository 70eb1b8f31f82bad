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
        OperandKind.Variable => s.IdentifierOf(operand.Name),
        _ => $"{s.VectorType}.Create({s.Element.Literal(operand.Value)})",
    };

    private static string Expression(Op op, string[] a, ElementSyntax element, string v) => op switch
    {
        Op.Add => $"{a[0]} + {a[1]}",
        Op.Subtract => $"{a[0]} - {a[1]}",
        Op.Multiply => $"{a[0]} * {a[1]}",
        Op.Divide => $"{a[0]} / {a[1]}",
        Op.Negate => $"-{a[0]}",
        Op.Power => $"{element.Math}.Pow({a[0]}, {a[1]})",
        Op.Less => $"{v}.LessThan({a[0]}, {a[1]})",
        Op.LessOrEqual => $"{v}.LessThanOrEqual({a[0]}, {a[1]})",
        Op.Greater => $"{v}.GreaterThan({a[0]}, {a[1]})",
        Op.GreaterOrEqual => $"{v}.GreaterThanOrEqual({a[0]}, {a[1]})",
        Op.Equal => $"{v}.Equal({a[0]}, {a[1]})",
        Op.NotEqual => $"{v}.NotEqual({a[0]}, {a[1]})",
        Op.And => $"{v}.And({a[0]}, {a[1]})",
        Op.Or => $"{v}.Or({a[0]}, {a[1]})",
        Op.Not => $"{v}.Not({a[0]})",
        Op.Select => $"{v}.ConditionalSelect({a[0]}, {a[1]}, {a[2]})",
        Op.MultiplyAdd => $"{v}.MultiplyAdd({a[0]}, {a[1]}, {a[2]})",
        _ => $"{element.Math}.{op}({string.Join(", ", a)})",
    };

    private static string Stem(Op op) => op switch
    {
        Op.Add => "sum",
        Op.Subtract => "difference",
        Op.Multiply => "product",
        Op.Divide => "quotient",
        Op.Negate => "negated",
        Op.Power => "power",
        Op.Select => "selected",
        Op.MultiplyAdd => "fused",
        Op.TanhSoftplus => "tanhSoftplus",
        Op.And or Op.Or or Op.Not => "mask",
        _ when Functions.IsTruthValued(op) => "is" + op,
        _ => Functions.NameOf[op],
    };
}
