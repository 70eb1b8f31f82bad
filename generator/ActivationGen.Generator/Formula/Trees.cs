using System;
using System.Linq;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Simplifying constructors: every tree is built here, so trees are always folded (constants), trimmed
/// (x+0, x·1) and in canonical operand order, and equal formulas give equal trees and equal code.
/// </summary>
/// <remarks>
/// Every rewrite is exact for every input, ±∞ and NaN included, so NaN in gives NaN out; at most the sign of
/// a zero result changes (x + 0 is +0 for x = −0). Rewrites that are not exact there are not made: x − x, 0·x
/// and 0/x stay as written (∞ − ∞, 0·∞ and 0/0 are NaN), and constants are re-associated only where that
/// cannot overflow or round differently. One rewrite is deliberate and not exact: a factor moves inside a
/// branch with a zero side (<see cref="Multiply"/>), so that zero stays 0 when the factor is infinite — the
/// guard that lets derivatives of branches and saturating functions be 0 rather than 0·∞ — and so into each
/// term of a sum that holds such a branch, which rounds (and may overflow) differently from the product of
/// the sum. The constant-factor limit guards are not such branches, so user arithmetic is not redistributed.
/// </remarks>
internal static class Trees
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
        if (b is Apply { Op: Op.Negate } nb) return Add(a, nb[0]);
        return Make(Op.Subtract, a, b);
    }

    public static Expr Multiply(Expr a, Expr b)
    {
        if (a is Num x && b is Num y) return Num(x.Value * y.Value);
        if (IsOne(a)) return b;
        if (IsOne(b)) return a;
        if (a is Num { Value: -1 }) return Negate(b);
        if (b is Num { Value: -1 }) return Negate(a);
        // A factor that is zero on one side of a branch moves inside the select, so that the other side's
        // infinities or NaNs are never multiplied by that zero (the "double where" problem of autodiff).
        if (IsGated(a)) return Distribute((Apply)a, e => Multiply(e, b));
        if (IsGated(b)) return Distribute((Apply)b, e => Multiply(a, e));
        if (a is Apply { Op: Op.Negate } na) return Negate(Multiply(na[0], b));
        if (b is Apply { Op: Op.Negate } nb) return Negate(Multiply(a, nb[0]));
        // c·(d·y) → (cd)·y when c or d is a power of two: cd is then exact, and (cd)·y overflows exactly where
        // c·(d·y) does; they differ only where d·y is subnormal, and there the folded form is the exact one.
        if (a is Num ca && b is Apply { Op: Op.Multiply } mb && mb[0] is Num cb && ExactProduct(ca.Value, cb.Value))
            return Multiply(Num(ca.Value * cb.Value), mb[1]);
        // (c·u)·(d·v) with c·d = ±1, c and d powers of two, and the larger constant on a bounded function
        // (0.5·x·2·σ): the constants cancel exactly, as above, and d·v cannot overflow.
        if (a is Apply { Op: Op.Multiply } ma && ma[0] is Num c1 && b is Apply { Op: Op.Multiply } mb2 && mb2[0] is Num c2
            && Math.Abs(c1.Value * c2.Value) == 1 && ExactProduct(c1.Value, c2.Value)
            && (Math.Abs(c1.Value) <= 1 ? IsBounded(mb2[1]) : IsBounded(ma[1])))
            return Multiply(Num(c1.Value * c2.Value), Multiply(ma[1], mb2[1]));
        return Commutative(Op.Multiply, a, b);
    }

    public static Expr Divide(Expr a, Expr b)
    {
        if (IsOne(b)) return a;
        if (a is Num x && b is Num y) return Num(x.Value / y.Value);
        if (IsGated(a)) return Distribute((Apply)a, e => Divide(e, b));
        // a/2^k and a·2^−k are the same one rounding of the same value for every a (±0, ∞, NaN and subnormal
        // results included) while 2^±k is normal in float, and a multiply leaves the divider free: Squareplus's b/4
        // was one of the three divisions and roots per vector its forward kernel waited on.
        if (b is Num d && IsPowerOfTwo(d.Value) && Math.Abs(d.Value) >= MinNormalSingle && Math.Abs(1 / d.Value) >= MinNormalSingle)
            return Multiply(a, Num(1 / d.Value));
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
        // u^0.5 is √u except at −∞, where pow gives +∞ and √ gives NaN.
        if (b is Num { Value: 0.5 }) return Select(Compare(Op.Equal, a, Num(double.NegativeInfinity)), Num(double.PositiveInfinity), Call(Op.Sqrt, a));
        return Make(Op.Power, a, b);
    }

    public static Expr Select(Expr condition, Expr whenTrue, Expr whenFalse)
    {
        if (whenTrue.Equals(whenFalse)) return whenTrue;
        if (condition is Num c) return c.Value != 0 ? whenTrue : whenFalse;
        // A value compared with itself (a parameter substituted into its own branch condition): u < u and u > u
        // are false even for NaN. (u <= u, u >= u and u == u are false for NaN, so they stay.)
        if (condition is Apply { Op: Op.Less or Op.Greater } strict && strict[0].Equals(strict[1])) return whenFalse;
        return Make(Op.Select, condition, whenTrue, whenFalse);
    }

    public static Expr Compare(Op op, Expr a, Expr b)
    {
        if (a is Num x && b is Num y) return Num(Evaluate.Apply(op, [x.Value, y.Value]));
        return Functions.IsCommutative(op) ? Commutative(op, a, b) : Make(op, a, b);
    }

    /// <summary>!, && and ||; constant truth values (1 and 0) fold away, so a condition is never a bare constant.</summary>
    public static Expr Logic(Op op, params Expr[] args)
    {
        if (op == Op.Not)
            return args[0] is Num n ? Num(n.Value == 0 ? 1 : 0) : Make(op, args);
        var (a, b) = (args[0], args[1]);
        if (a is Num) (a, b) = (b, a);
        if (b is Num k)
            return (op == Op.And) == (k.Value != 0) ? a : k;
        return Commutative(op, a, b);
    }

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
    public static bool IsGated(Expr e) => IsGate(e) || e switch
    {
        Apply { Op: Op.Add or Op.Subtract } s => IsGated(s[0]) || IsGated(s[1]),
        Apply { Op: Op.Negate } n => IsGated(n[0]),
        _ => false,
    };

    /// <summary>Applies a product or quotient to each term and branch side of <paramref name="gated"/>.</summary>
    private static Expr Distribute(Apply gated, System.Func<Expr, Expr> apply) => gated.Op switch
    {
        // The zero side stays 0: that is the point of the gate.
        Op.Select => Select(gated[0], IsZero(gated[1]) ? Zero : apply(gated[1]), IsZero(gated[2]) ? Zero : apply(gated[2])),
        Op.Add => Add(apply(gated[0]), apply(gated[1])),
        Op.Subtract => Subtract(apply(gated[0]), apply(gated[1])),
        Op.Negate => Negate(apply(gated[0])),
        _ => throw new System.InvalidOperationException("ActivationGen internal error: cannot distribute over " + gated.Op),
    };

    private const double MinNormalSingle = 1.1754943508222875e-38;

    /// <summary>Whether c·d is exact and normal: one of them a power of two, the product within float's normal range.</summary>
    private static bool ExactProduct(double c, double d)
    {
        double p = Math.Abs(c * d);
        return (IsPowerOfTwo(c) || IsPowerOfTwo(d)) && p >= MinNormalSingle && p <= 3.4028234663852886e38;
    }

    /// <summary>Functions whose value is at most 2 in magnitude (or NaN).</summary>
    private static bool IsBounded(Expr e) => e is Apply { Op: Op.Sigmoid or Op.Tanh or Op.Erf or Op.Erfc or Op.ErfcOverRoot2 or Op.TanhSoftplus or Op.Sin or Op.Cos };

    private static bool IsPowerOfTwo(double c)
    {
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(c));
        return c != 0 && !double.IsInfinity(c) && !double.IsNaN(c) && (bits & 0xF_FFFF_FFFF_FFFF) == 0;
    }

    private static Expr Commutative(Op op, Expr a, Expr b) =>
        ExprOrder.Instance.Compare(a, b) <= 0 ? Make(op, a, b) : Make(op, b, a);

    private static Apply Make(Op op, params Expr[] args) => new(op, args.ToEquatableArray());
}
