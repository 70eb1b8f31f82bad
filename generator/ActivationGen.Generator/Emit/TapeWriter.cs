using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;

using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>Writes a tape as one statement per instruction, naming each temporary after what it holds.</summary>
internal static class TapeWriter
{
    /// <summary>
    /// A method holds at most 65,534 locals (CS0204), and the backward of a 10,000-term formula has about
    /// 70,000 temporaries: past this many, a temporary's local is reused once its last reader has run, so a
    /// method needs only as many locals as values are live at once.
    /// </summary>
    private const int MostLocals = 8192;

    /// <summary>Writes the statements and returns the C# expression of each output.</summary>
    public static string[] Write(SourceWriter writer, Tape tape, Shape s, NameScope scope)
    {
        var names = new Dictionary<int, string>();
        var counts = new Dictionary<string, int>();
        var lastReads = tape.Instructions.Count > MostLocals ? LastReads(tape) : null;
        var free = new Stack<string>();
        for (int i = 0; i < tape.Instructions.Count; i++)
        {
            var instruction = tape.Instructions[i];
            var args = instruction.Args.Select(a => Render(a, names, s)).ToArray();
            string expression = SelectAgainstZero(instruction, args, s.VectorType) ?? Expression(instruction.Op, args, s.Element, s.VectorType);
            if (lastReads is not null)
                Release(instruction, i, lastReads, names, free);
            if (free.Count > 0)
            {
                // The arguments are read before the assignment, so a local may take a value computed from itself.
                string reused = free.Pop();
                names[instruction.Temp] = reused;
                writer.Line($"{reused} = {expression};");
                continue;
            }
            string stem = lastReads is null ? Stem(instruction.Op) : "t";
            counts[stem] = counts.TryGetValue(stem, out int n) ? n + 1 : 0;
            string name = scope.Take(stem + counts[stem]);
            names[instruction.Temp] = name;
            writer.Line($"{s.VectorType} {name} = {expression};");
        }
        return tape.Outputs.Select(o => Render(o, names, s)).ToArray();
    }

    /// <summary>For each temporary, the index of the last instruction that reads it; outputs are read after the last.</summary>
    private static Dictionary<int, int> LastReads(Tape tape)
    {
        var last = new Dictionary<int, int>();
        for (int i = 0; i < tape.Instructions.Count; i++)
            foreach (var arg in tape.Instructions[i].Args.Where(a => a.Kind == OperandKind.Temp))
                last[arg.Temp] = i;
        foreach (var output in tape.Outputs.Where(o => o.Kind == OperandKind.Temp))
            last[output.Temp] = int.MaxValue;
        return last;
    }

    private static void Release(Instruction instruction, int index, Dictionary<int, int> lastReads, Dictionary<int, string> names, Stack<string> free)
    {
        foreach (var arg in instruction.Args.Where(a => a.Kind == OperandKind.Temp))
        {
            if (lastReads[arg.Temp] != index)
                continue;
            lastReads[arg.Temp] = -1; // an argument read twice (x·x) is released once
            free.Push(names[arg.Temp]);
        }
    }

    private static string Render(Operand operand, Dictionary<int, string> names, Shape s) => operand.Kind switch
    {
        OperandKind.Temp => names[operand.Temp],
        OperandKind.Variable => s.IdentifierOf(operand.Name),
        _ => $"{s.VectorType}.Create({s.Element.Literal(operand.Value)})",
    };

    /// <summary>
    /// A select with a +0 arm as one bitwise operation: mask &amp; a, or b &amp; ~mask. The same bits as the
    /// select (+0 is all zero bits), which the JIT lowers to and, and-not, or, plus a zeroed register and an
    /// and with it: for the memory-bound kernels (ReLU's backward, HardSwish) a third of their vector operations.
    /// </summary>
    private static string? SelectAgainstZero(Instruction instruction, string[] a, string v)
    {
        if (instruction.Op != Op.Select)
            return null;
        if (IsPositiveZero(instruction.Args[2]))
            return $"{v}.And({a[0]}, {a[1]})";
        if (IsPositiveZero(instruction.Args[1]))
            return $"{v}.AndNot({a[2]}, {a[0]})";
        return null;
    }

    private static bool IsPositiveZero(Operand operand) =>
        operand.Kind == OperandKind.Constant && System.BitConverter.DoubleToInt64Bits(operand.Value) == 0;

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

    public static string Stem(Op op) => Functions.Of(op).Stem;
}
