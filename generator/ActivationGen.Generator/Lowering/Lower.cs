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

    public static Tape ToTape(params Expr[] outputs)
    {
        var lower = new Lower();
        var results = outputs.Select(lower.Emit).ToArray();
        return new Tape(lower.instructions.ToEquatableArray(), results.ToEquatableArray());
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
            : m % 2 == 0 ? Push(Op.Multiply, Emit(E.Power(basis, E.Num(m / 2))), Emit(E.Power(basis, E.Num(m / 2))))
            : Push(Op.Multiply, Emit(E.Power(basis, E.Num(m - 1))), Emit(basis));
        return n > 0 ? positive : Push(Op.Divide, Operand.OfConstant(1), positive);
    }

    private Operand Push(Op op, params Operand[] args)
    {
        // The same instruction over the same operands is the same value.
        foreach (var existing in instructions)
            if (existing.Op == op && existing.Args.Equals(args.ToEquatableArray()))
                return Operand.OfTemp(existing.Temp);
        int temp = instructions.Count;
        instructions.Add(new Instruction(temp, op, args.ToEquatableArray()));
        return Operand.OfTemp(temp);
    }

    private static bool IsSmallInteger(double n) => n == Math.Floor(n) && Math.Abs(n) <= MaxExpandedPower && n != 0;
}
