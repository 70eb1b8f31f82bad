using System;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Rewrites numerically fragile shapes into the stable functions, bottom-up, so that stability is the
/// generator's job and not the user's: log(1+exp(u)) → softplus(u), 1/(1+exp(-u)) → sigmoid(u),
/// exp(u)/(1+exp(u)) → sigmoid(u), exp(u)-1 → expm1(u), log(1+u) → log1p(u), log(sigmoid(u)) → -softplus(-u);
/// 1 + tanh(u) → 2·sigmoid(2u) and 1 − tanh(u) → 2·sigmoid(−2u) (exact identities without the cancellation
/// near tanh = ∓1, as in GELU's tanh form); and fuses tanh(softplus(u)) (mish) into one function that is both
/// faster and more accurate.
/// </summary>
internal static class Stabilize
{
    public static Expr Rewrite(Expr expr)
    {
        if (expr is not Apply node)
            return expr;
        var args = node.Args.Select(Rewrite).ToArray();
        return Rule(node.Op, args) ?? Rebuild(node.Op, args);
    }

    /// <summary>
    /// Adds the limit guards (see <see cref="Decays"/>) to a rewritten tree: a separate pass, so that the
    /// rewritten form shown in docs holds none of the generator's internal thresholds.
    /// </summary>
    public static Expr WithLimits(Expr expr)
    {
        if (expr is not Apply node)
            return expr;
        var args = node.Args.Select(WithLimits).ToArray();
        return (node.Op == Op.Multiply ? Decays(args[0], args[1]) : null) ?? Rebuild(node.Op, args);
    }

    private static Expr? Rule(Op op, Expr[] a) => op switch
    {
        Op.Log when OnePlus(a[0]) is Apply { Op: Op.Exp } exp => Trees.Call(Op.Softplus, exp[0]),
        Op.Log when OnePlus(a[0]) is { } u => Trees.Call(Op.Log1p, u),
        Op.Log when a[0] is Apply { Op: Op.Sigmoid } s => Trees.Negate(Trees.Call(Op.Softplus, Trees.Negate(s[0]))),
        Op.Log when a[0] is Apply { Op: Op.Exp } exp => exp[0],
        Op.Divide when Trees.IsOne(a[0]) && OnePlus(a[1]) is Apply { Op: Op.Exp } exp => Trees.Call(Op.Sigmoid, Trees.Negate(exp[0])),
        Op.Divide when a[0] is Apply { Op: Op.Exp } top && OnePlus(a[1]) is { } bottom && top.Equals(bottom) => Trees.Call(Op.Sigmoid, top[0]),
        Op.Subtract when a[0] is Apply { Op: Op.Exp } exp && Trees.IsOne(a[1]) => Trees.Call(Op.Expm1, exp[0]),
        Op.Add when a[0] is Num { Value: -1 } && a[1] is Apply { Op: Op.Exp } exp => Trees.Call(Op.Expm1, exp[0]),
        Op.Tanh when a[0] is Apply { Op: Op.Softplus } softplus => Trees.Call(Op.TanhSoftplus, softplus[0]),
        Op.Add when Trees.IsOne(a[0]) && a[1] is Apply { Op: Op.Tanh } t => TwiceSigmoid(Trees.Multiply(Trees.Num(2), t[0])),
        Op.Add when Trees.IsOne(a[0]) && a[1] is Apply { Op: Op.Erf } erf => Rule(Op.Erfc, [Trees.Negate(erf[0])]) ?? Trees.Call(Op.Erfc, Trees.Negate(erf[0])),
        Op.Subtract when Trees.IsOne(a[0]) && a[1] is Apply { Op: Op.Erf } erf => Rule(Op.Erfc, [erf[0]]) ?? Trees.Call(Op.Erfc, erf[0]),
        Op.Erfc when OverRootTwo(a[0]) is { } u => Trees.Call(Op.ErfcOverRoot2, u),
        Op.Multiply when (GeluOf(a[0], a[1]) ?? GeluOf(a[1], a[0])) is { } gelu => gelu,
        Op.Subtract when Trees.IsOne(a[0]) && a[1] is Apply { Op: Op.Tanh } t => TwiceSigmoid(Trees.Multiply(Trees.Num(-2), t[0])),
        _ => null,
    };

    /// <summary>u when <paramref name="e"/> is u/√2 or ±u·(1/√2).</summary>
    private static Expr? OverRootTwo(Expr e) => e switch
    {
        Apply { Op: Op.Divide } d when d[1] is Num { Value: var c } && c == RootTwo => d[0],
        Apply { Op: Op.Multiply } m when m[0] is Num { Value: var c } && Math.Abs(Math.Abs(c) - 1 / RootTwo) < 2e-16 => c > 0 ? m[1] : Trees.Negate(m[1]),
        Apply { Op: Op.Negate } n when OverRootTwo(n[0]) is { } u => Trees.Negate(u),
        _ => null,
    };

    private static readonly double RootTwo = Math.Sqrt(2);

    /// <summary>
    /// c·u·erfc(−u/√2) (or u·erfc(−u/√2)) as 2c·gelu(u), for GELU written as 0.5·x·(1 + erf(x/√2)): one fused
    /// function, one exp in forward and backward, and the tail scaled once (Φ alone is subnormal below −13).
    /// </summary>
    private static Expr? GeluOf(Expr factor, Expr tail)
    {
        if (tail is not Apply { Op: Op.ErfcOverRoot2 } erfc)
            return null;
        var (c, u) = factor is Apply { Op: Op.Multiply } m && m[0] is Num k ? (k.Value, m[1]) : (1.0, factor);
        return Trees.Negate(u).Equals(erfc[0]) ? Trees.Multiply(Trees.Num(2 * c), Trees.Call(Op.Gelu, u)) : null;
    }

    /// <summary>
    /// a·F(v) with a linear and F decaying exponentially (σ, exp, softplus, tanh∘softplus as v → −∞; erfc as
    /// v → +∞): 0 beyond the point where the product is 0 for every finite a in double, so that swish, mish and
    /// GELU give their limit 0 at −∞ instead of ∞·0 = NaN. The condition is false for NaN, which passes through.
    /// </summary>
    private static Expr? Decays(Expr a, Expr b)
    {
        // A constant factor needs no guard: c·F(v) is 0 far out by itself.
        if (!IsLinear(a) || a is Num)
            return IsLinear(b) && b is not Num ? Decays(b, a) : null;
        var flat = b switch
        {
            Apply { Op: Op.Sigmoid or Op.Exp or Op.Softplus or Op.TanhSoftplus } f => Trees.Compare(Op.LessOrEqual, f[0], Trees.Num(-1500)),
            Apply { Op: Op.Erfc } f => Trees.Compare(Op.GreaterOrEqual, f[0], Trees.Num(40)),
            Apply { Op: Op.ErfcOverRoot2 } f => Trees.Compare(Op.GreaterOrEqual, f[0], Trees.Num(56)),
            _ => null,
        };
        return flat is null ? null : Trees.Select(flat, Trees.Zero, Trees.Multiply(a, b));
    }

    /// <summary>Variables, constants, their sums and constant multiples: at most |a| ≤ double.MaxValue where finite.</summary>
    private static bool IsLinear(Expr e) => e switch
    {
        Var or Num => true,
        Apply { Op: Op.Negate } n => IsLinear(n[0]),
        Apply { Op: Op.Add or Op.Subtract } s => IsLinear(s[0]) && IsLinear(s[1]),
        Apply { Op: Op.Multiply } m => m[0] is Num && IsLinear(m[1]),
        _ => false,
    };

    private static Expr TwiceSigmoid(Expr u) => Trees.Multiply(Trees.Num(2), Trees.Call(Op.Sigmoid, u));

    /// <summary>u when <paramref name="e"/> is 1 + u (operands are in canonical order, constants first).</summary>
    private static Expr? OnePlus(Expr e) => e is Apply { Op: Op.Add } sum && Trees.IsOne(sum[0]) ? sum[1] : null;

    /// <summary>Rebuilds a node through the simplifying constructors after its children changed.</summary>
    public static Expr Rebuild(Op op, Expr[] a) => Functions.Of(op).Build(a);
}
