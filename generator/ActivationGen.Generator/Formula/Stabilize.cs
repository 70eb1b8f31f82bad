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

    private static Expr? Rule(Op op, Expr[] a) => op switch
    {
        Op.Log when OnePlus(a[0]) is Apply { Op: Op.Exp } exp => E.Call(Op.Softplus, exp[0]),
        Op.Log when OnePlus(a[0]) is { } u => E.Call(Op.Log1p, u),
        Op.Log when a[0] is Apply { Op: Op.Sigmoid } s => E.Negate(E.Call(Op.Softplus, E.Negate(s[0]))),
        Op.Log when a[0] is Apply { Op: Op.Exp } exp => exp[0],
        Op.Divide when E.IsOne(a[0]) && OnePlus(a[1]) is Apply { Op: Op.Exp } exp => E.Call(Op.Sigmoid, E.Negate(exp[0])),
        Op.Divide when a[0] is Apply { Op: Op.Exp } top && OnePlus(a[1]) is { } bottom && top.Equals(bottom) => E.Call(Op.Sigmoid, top[0]),
        Op.Subtract when a[0] is Apply { Op: Op.Exp } exp && E.IsOne(a[1]) => E.Call(Op.Expm1, exp[0]),
        Op.Add when a[0] is Num { Value: -1 } && a[1] is Apply { Op: Op.Exp } exp => E.Call(Op.Expm1, exp[0]),
        Op.Tanh when a[0] is Apply { Op: Op.Softplus } softplus => E.Call(Op.TanhSoftplus, softplus[0]),
        Op.Add when E.IsOne(a[0]) && a[1] is Apply { Op: Op.Tanh } t => TwiceSigmoid(E.Multiply(E.Num(2), t[0])),
        Op.Subtract when E.IsOne(a[0]) && a[1] is Apply { Op: Op.Tanh } t => TwiceSigmoid(E.Multiply(E.Num(-2), t[0])),
        _ => null,
    };

    private static Expr TwiceSigmoid(Expr u) => E.Multiply(E.Num(2), E.Call(Op.Sigmoid, u));

    /// <summary>u when <paramref name="e"/> is 1 + u (operands are in canonical order, constants first).</summary>
    private static Expr? OnePlus(Expr e) => e is Apply { Op: Op.Add } sum && E.IsOne(sum[0]) ? sum[1] : null;

    /// <summary>Rebuilds a node through the simplifying constructors after its children changed.</summary>
    public static Expr Rebuild(Op op, Expr[] a) => op switch
    {
        Op.Add => E.Add(a[0], a[1]),
        Op.Subtract => E.Subtract(a[0], a[1]),
        Op.Multiply => E.Multiply(a[0], a[1]),
        Op.Divide => E.Divide(a[0], a[1]),
        Op.Negate => E.Negate(a[0]),
        Op.Power => E.Power(a[0], a[1]),
        Op.Select => E.Select(a[0], a[1], a[2]),
        Op.Less or Op.LessOrEqual or Op.Greater or Op.GreaterOrEqual or Op.Equal or Op.NotEqual => E.Compare(op, a[0], a[1]),
        Op.And or Op.Or or Op.Not => E.Logic(op, a),
        _ => E.Call(op, a),
    };
}
