using System;
using System.Linq;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Simplifying constructors: every tree is built here, so trees are always folded (constants), trimmed
/// (x+0, x·1, x·0) and in canonical operand order, and equal formulas give equal trees and equal code.
/// </summary>
internal static class E
{
    public static readonly Num Zero = new(0);
    public static readonly Num One = new(1);

    public static Expr Num(double value) => new Num(value);

    public static Expr Var(string name) => new Var(name);

    public static Expr Add(Expr a, Expr b)
    {
        if (IsZero(a)) return b;
        if (IsZero(b)) return a;
        if (a is Num x && b is Num y) return Num(x.Value + y.Value);
        if (b is Apply { Op: Op.Negate } nb) return Subtract(a, nb[0]);
        if (a is Apply { Op: Op.Negate } na) return Subtract(b, na[0]);
        // Adjoints from two sides of one branch merge back into one select.
        if (a is Apply { Op: Op.Select } sa && b is Apply { Op: Op.Select } sb && sa[0].Equals(sb[0]))
            return Select(sa[0], Add(sa[1], sb[1]), Add(sa[2], sb[2]));
        return Commutative(Op.Add, a, b);
    }

    public static Expr Subtract(Expr a, Expr b)
    {
        if (IsZero(b)) return a;
        if (IsZero(a)) return Negate(b);
        if (a is Num x && b is Num y) return Num(x.Value - y.Value);
        if (a.Equals(b)) return Zero;
        if (b is Apply { Op: Op.Negate } nb) return Add(a, nb[0]);
        return Make(Op.Subtract, a, b);
    }

    public static Expr Multiply(Expr a, Expr b)
    {
        if (IsZero(a) || IsZero(b)) return Zero;
        if (IsOne(a)) return b;
        if (IsOne(b)) return a;
        if (a is Num x && b is Num y) return Num(x.Value * y.Value);
        if (a is Num { Value: -1 }) return Negate(b);
        if (b is Num { Value: -1 }) return Negate(a);
        // A factor that is zero on one side of a branch moves inside the select, so that the other side's
        // infinities or NaNs are never multiplied by that zero (the "double where" problem of autodiff).
        if (IsGated(a)) return Distribute((Apply)a, e => Multiply(e, b));
        if (IsGated(b)) return Distribute((Apply)b, e => Multiply(a, e));
        if (a is Apply { Op: Op.Negate } na) return Negate(Multiply(na[0], b));
        if (b is Apply { Op: Op.Negate } nb) return Negate(Multiply(a, nb[0]));
        if (a is Num ca && b is Apply { Op: Op.Multiply } mb && mb[0] is Num cb) return Multiply(Num(ca.Value * cb.Value), mb[1]);
        // (c·u)·(d·v) with c·d = ±1 (0.5·x·2·σ): the constants cancel exactly. Other reassociations are left
        // alone, since moving a constant can move an overflow (0.5·(x·2) is infinite where (0.5·x)·2 is not).
        if (a is Apply { Op: Op.Multiply } ma && ma[0] is Num c1 && b is Apply { Op: Op.Multiply } mb2 && mb2[0] is Num c2
            && Math.Abs(c1.Value * c2.Value) == 1)
            return Multiply(Num(c1.Value * c2.Value), Multiply(ma[1], mb2[1]));
        return Commutative(Op.Multiply, a, b);
    }

    public static Expr Divide(Expr a, Expr b)
    {
        if (IsOne(b)) return a;
        if (IsZero(a)) return Zero;
        if (a is Num x && b is Num y) return Num(x.Value / y.Value);
        if (IsGated(a)) return Distribute((Apply)a, e => Divide(e, b));
        return Make(Op.Divide, a, b);
    }

    public static Expr Negate(Expr a) => a switch
    {
        Num x => Num(-x.Value),
        Apply { Op: Op.Negate } n => n[0],
        Apply { Op: Op.Subtract } s => Subtract(s[1], s[0]),
        Apply { Op: Op.Select } s when IsGate(s) => Select(s[0], Negate(s[1]), Negate(s[2])),
        _ => Make(Op.Negate, a),
    };

    public static Expr Power(Expr a, Expr b)
    {
        if (IsZero(b)) return One;
        if (IsOne(b)) return a;
        if (a is Num x && b is Num y) return Num(System.Math.Pow(x.Value, y.Value));
        if (b is Num { Value: 0.5 }) return Call(Op.Sqrt, a);
        return Make(Op.Power, a, b);
    }

    public static Expr Select(Expr condition, Expr whenTrue, Expr whenFalse)
    {
        if (whenTrue.Equals(whenFalse)) return whenTrue;
        // A value compared with itself (a parameter substituted into its own branch condition).
        if (condition is Apply { Op: Op.LessOrEqual or Op.GreaterOrEqual or Op.Equal } same && same[0].Equals(same[1])) return whenTrue;
        if (condition is Apply { Op: Op.Less or Op.Greater or Op.NotEqual } strict && strict[0].Equals(strict[1])) return whenFalse;
        return Make(Op.Select, condition, whenTrue, whenFalse);
    }

    public static Expr Compare(Op op, Expr a, Expr b) => Functions.IsCommutative(op) ? Commutative(op, a, b) : Make(op, a, b);

    public static Expr Logic(Op op, params Expr[] args) => args.Length == 1 ? Make(op, args) : Commutative(op, args[0], args[1]);

    /// <summary>A function call, folded when every argument is a constant.</summary>
    public static Expr Call(Op op, params Expr[] args)
    {
        if (args.All(a => a is Num))
            return Num(Evaluate.Apply(op, args.Select(a => ((Num)a).Value).ToArray()));
        return Make(op, args);
    }

    public static bool IsZero(Expr e) => e is Num { Value: 0 };

    public static bool IsOne(Expr e) => e is Num { Value: 1 };

    /// <summary>
    /// A select with a zero side, at any depth of nested selects: the adjoints of nested branches merge into
    /// selects of selects, and a factor must reach the zero leaves rather than multiply the whole select.
    /// </summary>
    private static bool IsGate(Expr e) => e is Apply { Op: Op.Select } s && (IsZero(s[1]) || IsZero(s[2]) || IsGate(s[1]) || IsGate(s[2]));

    /// <summary>A gate, or a sum or negation with a gate in it: a factor must be pushed inside to its zeros.</summary>
    private static bool IsGated(Expr e) => IsGate(e) || e switch
    {
        Apply { Op: Op.Add or Op.Subtract } s => IsGated(s[0]) || IsGated(s[1]),
        Apply { Op: Op.Negate } n => IsGated(n[0]),
        _ => false,
    };

    /// <summary>Applies a product or quotient to each term and branch side of <paramref name="gated"/>.</summary>
    private static Expr Distribute(Apply gated, System.Func<Expr, Expr> apply) => gated.Op switch
    {
        Op.Select => Select(gated[0], apply(gated[1]), apply(gated[2])),
        Op.Add => Add(apply(gated[0]), apply(gated[1])),
        Op.Subtract => Subtract(apply(gated[0]), apply(gated[1])),
        _ => Negate(apply(gated[0])),
    };

    private static Expr Commutative(Op op, Expr a, Expr b) =>
        ExprOrder.Instance.Compare(a, b) <= 0 ? Make(op, a, b) : Make(op, b, a);

    private static Apply Make(Op op, params Expr[] args) => new(op, args.ToEquatableArray());
}
