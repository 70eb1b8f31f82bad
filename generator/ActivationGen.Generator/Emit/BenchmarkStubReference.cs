using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// Writes a tape as scalar double code over <see cref="System.Math"/> and ActivationGen.Benchmarking.ReferenceMath:
/// the same formula as the kernel, none of its vector math, so the guard compares against an independent evaluation.
/// </summary>
internal static class BenchmarkStubReference
{
    private const string Math = "global::System.Math";
    private const string Reference = "global::ActivationGen.Benchmarking.ReferenceMath";

    public static void Write(SourceWriter writer, string name, string summary, Tape tape, IEnumerable<string> parameters,
        bool returns, IEnumerable<string> outputs)
    {
        var inputs = parameters.ToArray();
        var outs = outputs.ToArray();
        var scope = new NameScope(inputs.Concat(outs));
        var signature = string.Join(", ", inputs.Select(p => "double " + p).Concat(outs.Select(o => "out double " + o)));
        writer.Line();
        writer.Line($"/// <summary>{summary}</summary>");
        using (writer.Block($"private static {(returns ? "double" : "void")} {name}({signature})"))
        {
            var names = new Dictionary<int, string>();
            var counts = new Dictionary<string, int>();
            foreach (var instruction in tape.Instructions)
            {
                string stem = TapeWriter.Stem(instruction.Op);
                counts[stem] = counts.TryGetValue(stem, out int n) ? n + 1 : 0;
                string local = scope.Take(stem + counts[stem]);
                names[instruction.Temp] = local;
                var args = instruction.Args.Select(a => Render(a, names)).ToArray();
                string type = Functions.IsTruthValued(instruction.Op) ? "bool" : "double";
                writer.Line($"{type} {local} = {Expression(instruction.Op, args)};");
            }
            var results = tape.Outputs.Select(o => Render(o, names)).ToArray();
            if (returns)
                writer.Line($"return {results[0]};");
            else
                for (int k = 0; k < outs.Length; k++)
                    writer.Line($"{outs[k]} = {results[k]};");
        }
    }

    private static string Render(Operand operand, Dictionary<int, string> names) => operand.Kind switch
    {
        OperandKind.Temp => names[operand.Temp],
        OperandKind.Variable => operand.Name,
        OperandKind.Constant => ElementSyntax.Double.Literal(operand.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(operand), operand.Kind, null),
    };

    private static string Expression(Op op, string[] a) => op switch
    {
        Op.Add => $"{a[0]} + {a[1]}",
        Op.Subtract => $"{a[0]} - {a[1]}",
        Op.Multiply => $"{a[0]} * {a[1]}",
        Op.Divide => $"{a[0]} / {a[1]}",
        Op.Negate => $"-{a[0]}",
        Op.Power => $"{Math}.Pow({a[0]}, {a[1]})",
        Op.Less => $"{a[0]} < {a[1]}",
        Op.LessOrEqual => $"{a[0]} <= {a[1]}",
        Op.Greater => $"{a[0]} > {a[1]}",
        Op.GreaterOrEqual => $"{a[0]} >= {a[1]}",
        Op.Equal => $"{a[0]} == {a[1]}",
        Op.NotEqual => $"{a[0]} != {a[1]}",
        Op.And => $"{a[0]} && {a[1]}",
        Op.Or => $"{a[0]} || {a[1]}",
        Op.Not => $"!{a[0]}",
        Op.Select => $"{a[0]} ? {a[1]} : {a[2]}",
        Op.Exp => $"{Math}.Exp({a[0]})",
        Op.Log => $"{Math}.Log({a[0]})",
        Op.Log1p => $"{Reference}.Log1p({a[0]})",
        Op.Expm1 => $"{Reference}.Expm1({a[0]})",
        Op.Sqrt => $"{Math}.Sqrt({a[0]})",
        Op.Abs => $"{Math}.Abs({a[0]})",
        Op.Sign => $"{Reference}.Sign({a[0]})",
        Op.Min => $"{Math}.Min({a[0]}, {a[1]})",
        Op.Max => $"{Math}.Max({a[0]}, {a[1]})",
        Op.Clamp => $"{Math}.Min({Math}.Max({a[0]}, {a[1]}), {a[2]})",
        Op.Sin => $"{Math}.Sin({a[0]})",
        Op.Cos => $"{Math}.Cos({a[0]})",
        Op.Tan => $"{Math}.Tan({a[0]})",
        Op.Tanh => $"{Math}.Tanh({a[0]})",
        Op.Sigmoid => $"{Reference}.Sigmoid({a[0]})",
        Op.Softplus => $"{Reference}.Softplus({a[0]})",
        Op.Erf => $"{Reference}.Erf({a[0]})",
        Op.Atan => $"{Math}.Atan({a[0]})",
        Op.MultiplyAdd => $"{Math}.FusedMultiplyAdd({a[0]}, {a[1]}, {a[2]})",
        Op.TanhSoftplus => $"{Reference}.TanhSoftplus({a[0]})",
        // The ops the derivative rules introduce (harden-core's function table).
        Op.Erfc => $"{Reference}.Erfc({a[0]})",
        Op.ErfcOverRoot2 => $"{Reference}.ErfcOverRoot2({a[0]})",
        Op.Gaussian => $"{Reference}.Gaussian({a[0]})",
        Op.GaussianOverRoot2 => $"{Reference}.GaussianOverRoot2({a[0]})",
        Op.SigmoidDerivative => $"{Reference}.SigmoidDerivative({a[0]})",
        Op.TanhDerivative => $"{Reference}.TanhDerivative({a[0]})",
        Op.TanhSoftplusDerivative => $"{Reference}.TanhSoftplusDerivative({a[0]})",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
