using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Lowering;

/// <summary>
/// Lowers formula trees to one tape with common-subexpression elimination across all of them, so a
/// backward kernel computes each forward value it reuses exactly once. Small integer powers become exact
/// products (x^3 = x·x·x), sharing x·x with any x^2 nearby.
/// </summary>
internal sealed class Lower
{
    private const int MaxExpandedPower = 8;

    private readonly Dictionary<Expr, Operand> computed = [];
    private readonly List<Instruction> instructions = [];
    private readonly Dictionary<(Op, EquatableArray<Operand>), int> pushed = [];

    public static Tape ToTape(params Expr[] outputs)
    {
        var lower = new Lower();
        var results = outputs.Select(lower.Emit).ToArray();
        return new Tape(Fuse(lower.instructions, results).ToEquatableArray(), results.ToEquatableArray());
    }

    private Operand Emit(Expr e)
    {
        if (computed.TryGetValue(e, out var known))
            return known;
        var operand = e switch
        {
            Num n => Operand.OfConstant(n.Value),
            Var v => Operand.OfVariable(v.Name),
            Apply { Op: Op.Power } p when p[1] is Num { Value: var n } && IsSmallInteger(n) => IntegerPower(p[0], (int)n),
            Apply a => Push(a.Op, a.Args.Select(Emit).ToArray()),
            _ => throw new InvalidOperationException(),
        };
        computed[e] = operand;
        return operand;
    }

    private Operand IntegerPower(Expr basis, int n)
    {
        int m = Math.Abs(n);
        var positive = m == 1 ? Emit(basis)
            : m % 2 == 0 ? Push(Op.Multiply, Emit(Trees.Power(basis, Trees.Num(m / 2))), Emit(Trees.Power(basis, Trees.Num(m / 2))))
            : Push(Op.Multiply, Emit(Trees.Power(basis, Trees.Num(m - 1))), Emit(basis));
        return n > 0 ? positive : Push(Op.Divide, Operand.OfConstant(1), positive);
    }

    private Operand Push(Op op, params Operand[] args)
    {
        // The same instruction over the same operands is the same value (a lookup: formulas reach 10,000 terms).
        var key = (op, args.ToEquatableArray());
        if (pushed.TryGetValue(key, out int existing))
            return Operand.OfTemp(existing);
        int temp = instructions.Count;
        pushed[key] = temp;
        instructions.Add(new Instruction(temp, op, key.Item2));
        return Operand.OfTemp(temp);
    }

    /// <summary>
    /// Contracts a product that only feeds one sum or difference into a fused multiply-add: one instruction
    /// and one rounding instead of two. Differences take the negated addend or product, which is exact.
    /// </summary>
    private static List<Instruction> Fuse(List<Instruction> instructions, Operand[] outputs)
    {
        var uses = new Dictionary<int, int>();
        foreach (var operand in instructions.SelectMany(i => i.Args).Concat(outputs).Where(o => o.Kind == OperandKind.Temp))
            uses[operand.Temp] = uses.TryGetValue(operand.Temp, out int n) ? n + 1 : 1;
        var products = instructions.Where(i => i.Op == Op.Multiply && uses[i.Temp] == 1).ToDictionary(i => i.Temp);
        var fused = new HashSet<int>();
        int nextTemp = instructions.Count; // temporaries so far are numbered 0 … Count − 1

        Instruction? Product(Operand o) =>
            o.Kind == OperandKind.Temp && products.TryGetValue(o.Temp, out var p) && !fused.Contains(p.Temp) ? p : null;

        var result = new List<Instruction>();
        foreach (var instruction in instructions)
        {
            var rewritten = instruction;
            if (instruction.Op is Op.Add or Op.Subtract)
            {
                var (left, right) = (instruction.Args[0], instruction.Args[1]);
                if (Product(left) is { } p)
                {
                    fused.Add(p.Temp);
                    var addend = instruction.Op == Op.Add ? right : Negated(right, result, ref nextTemp);
                    rewritten = new Instruction(instruction.Temp, Op.MultiplyAdd, new[] { p.Args[0], p.Args[1], addend }.ToEquatableArray());
                }
                else if (Product(right) is { } q)
                {
                    fused.Add(q.Temp);
                    var factor = instruction.Op == Op.Add ? q.Args[0] : Negated(q.Args[0], result, ref nextTemp);
                    rewritten = new Instruction(instruction.Temp, Op.MultiplyAdd, new[] { factor, q.Args[1], left }.ToEquatableArray());
                }
            }
            result.Add(rewritten);
        }
        return result.Where(i => !fused.Contains(i.Temp)).ToList();
    }

    /// <summary>−o: a constant folds, anything else gets a negation instruction placed before its use.</summary>
    private static Operand Negated(Operand o, List<Instruction> emitted, ref int nextTemp)
    {
        if (o.Kind == OperandKind.Constant)
            return Operand.OfConstant(-o.Value);
        int temp = nextTemp++;
        emitted.Add(new Instruction(temp, Op.Negate, new[] { o }.ToEquatableArray()));
        return Operand.OfTemp(temp);
    }

    private static bool IsSmallInteger(double n) => n == Math.Floor(n) && Math.Abs(n) <= MaxExpandedPower && n != 0;
}
