using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Lowering;

/// <summary>
/// The tape a kernel runs while some hyperparameters are 1 (Softplus's β, ELU's and CELU's α at their defaults):
/// a product or quotient by one of them is an identity for every value (x·1 = x/1 = x, ±0, ±∞ and quiet NaN included, and
/// fma(1, b, c) is b + c rounded once), so the instruction goes and its readers take the other operand. Every value
/// left is the one the full tape computes there, bit for bit, and an instruction that thereby repeats an earlier one
/// goes too (σ(β·x) beside σ(x)). A signaling NaN, which .NET arithmetic never makes, would skip one quieting.
/// </summary>
/// <remarks>
/// Done on the lowered tape, after the multiply-adds are fused, not on the formula: rebuilding the formula without
/// the factor would let the lowering contract a product with a sum that a division by β kept apart, and let the
/// simplifier's rewrites (a stabilized log(1 + exp u), a folded pow) change digits.
/// </remarks>
internal static class UnitParameters
{
    /// <summary>The tape with every product and quotient by <paramref name="units"/> left out, or null when it has none.</summary>
    public static Tape? Specialize(Tape tape, IReadOnlyCollection<string> units)
    {
        if (units.Count == 0)
            return null;
        var same = new Dictionary<int, Operand>();
        var pushed = new Dictionary<(Op, EquatableArray<Operand>), int>();
        var kept = new List<Instruction>();

        Operand Resolve(Operand o) => o.Kind == OperandKind.Temp && same.TryGetValue(o.Temp, out var value) ? value : o;
        // A constant 1 too: a unit's reciprocal (1/β) resolves to one.
        bool IsUnit(Operand o) => o.Kind == OperandKind.Variable ? units.Contains(o.Name) : o.Kind == OperandKind.Constant && o.Value == 1;

        foreach (var instruction in tape.Instructions)
        {
            var args = instruction.Args.Select(Resolve).ToArray();
            if (Identity(instruction.Op, args, IsUnit) is { } value)
            {
                same[instruction.Temp] = value;
                continue;
            }
            var (op, operands) = instruction.Op == Op.MultiplyAdd && (IsUnit(args[0]) || IsUnit(args[1]))
                ? (Op.Add, new[] { IsUnit(args[0]) ? args[1] : args[0], args[2] })
                : (instruction.Op, args);
            var key = (op, operands.ToEquatableArray());
            if (pushed.TryGetValue(key, out int earlier))
            {
                same[instruction.Temp] = Operand.OfTemp(earlier);
                continue;
            }
            pushed[key] = instruction.Temp;
            kept.Add(new Instruction(instruction.Temp, op, key.Item2));
        }
        return kept.Count == tape.Instructions.Count
            ? null
            : new Tape(kept.ToEquatableArray(), tape.Outputs.Select(Resolve).ToEquatableArray());
    }

    /// <summary>The operand an instruction equals when a unit is one factor or the divisor, else null.</summary>
    private static Operand? Identity(Op op, Operand[] args, System.Func<Operand, bool> isUnit) => op switch
    {
        Op.Multiply when isUnit(args[0]) => args[1],
        Op.Multiply when isUnit(args[1]) => args[0],
        Op.Divide when isUnit(args[1]) => args[0],
        _ => null,
    };
}
