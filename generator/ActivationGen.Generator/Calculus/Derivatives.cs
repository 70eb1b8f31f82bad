using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Calculus;

/// <summary>
/// The local derivative rules, one per line: the adjoint that <paramref name="node"/> sends to each
/// argument, given its own adjoint <c>g</c>. Rules reuse the node's own value (sigmoid' = s·(1−s) with s the
/// node), so the lowering shares it with the forward sweep. Kinks follow PyTorch: a branch differentiates
/// the side it takes; abs'(0) = sign(0) = 0; min and max send a tie to their second argument
/// (max(x, 0) is ReLU with ReLU'(0) = 0); clamp passes the gradient on its closed interval like torch.clamp.
/// </summary>
internal static class Derivatives
{
    private static readonly Expr TwoOverSqrtPi = E.Num(1.1283791670955126);

    public static Expr[] Adjoints(Apply node, Expr g)
    {
        var a = node.Args;
        Expr u = a[0];
        return node.Op switch
        {
            Op.Add => [g, g],
            Op.Subtract => [g, E.Negate(g)],
            Op.Multiply => [E.Multiply(g, a[1]), E.Multiply(g, u)],
            Op.Divide => [E.Divide(g, a[1]), E.Negate(E.Divide(E.Multiply(g, node), a[1]))],
            Op.Negate => [E.Negate(g)],
            Op.Power => [E.Multiply(g, PowerRule(u, a[1])), E.Multiply(g, E.Multiply(node, E.Call(Op.Log, u)))],
            Op.Select => [E.Zero, E.Select(u, g, E.Zero), E.Select(u, E.Zero, g)],
            Op.Exp => [Above(u, NegativeUnderflow, E.Multiply(g, node))],
            Op.Log => [Below(u, Overflow, E.Divide(g, u))],
            Op.Log1p => [Below(u, Overflow, E.Divide(g, E.Add(E.One, u)))],
            Op.Expm1 => [Above(u, NegativeUnderflow, E.Multiply(g, E.Add(node, E.One)))],
            Op.Sqrt => [Below(u, Overflow, E.Divide(E.Multiply(E.Num(0.5), g), node))],
            Op.Abs => [E.Multiply(g, E.Call(Op.Sign, u))],
            Op.Sign => [E.Zero],
            Op.Min => [E.Select(E.Compare(Op.Less, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Less, u, a[1]), E.Zero, g)],
            Op.Max => [E.Select(E.Compare(Op.Greater, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Greater, u, a[1]), E.Zero, g)],
            Op.Clamp => [E.Select(InClosedRange(u, a[1], a[2]), g, E.Zero), E.Select(E.Compare(Op.Less, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Greater, u, a[2]), g, E.Zero)],
            Op.Sin => [E.Multiply(g, E.Call(Op.Cos, u))],
            Op.Cos => [E.Negate(E.Multiply(g, E.Call(Op.Sin, u)))],
            Op.Tan => [E.Multiply(g, E.Add(E.One, E.Multiply(node, node)))],
            Op.Tanh => [Within(u, TanhSaturation, E.Multiply(g, E.Subtract(E.One, E.Multiply(node, node))))],
            Op.Sigmoid => [Within(u, Underflow, E.Multiply(g, E.Multiply(node, E.Subtract(E.One, node))))],
            Op.Softplus => [Above(u, NegativeUnderflow, E.Multiply(g, E.Call(Op.Sigmoid, u)))],
            Op.TanhSoftplus => [Within(u, Underflow, E.Multiply(g, E.Multiply(E.Subtract(E.One, E.Multiply(node, node)), E.Call(Op.Sigmoid, u))))],
            Op.Erf => [Within(u, ErfSaturation, E.Multiply(g, E.Multiply(TwoOverSqrtPi, E.Call(Op.Exp, E.Negate(E.Multiply(u, u))))))],
            Op.Atan => [Within(u, Overflow, E.Divide(g, E.Add(E.One, E.Multiply(u, u))))],
            _ => new Expr[a.Count], // comparisons and logic carry no gradient
        };
    }

    // Where each local derivative has decayed to zero even in double: tanh' = 4e^-2u, erf' = e^-u², e^u, σ'.
    private static readonly Expr TanhSaturation = E.Num(360);
    private static readonly Expr ErfSaturation = E.Num(28);
    private static readonly Expr Underflow = E.Num(750);
    private static readonly Expr NegativeUnderflow = E.Num(-750);
    private static readonly Expr Overflow = E.Num(1e300);

    /// <summary>
    /// Saturation gates: a local derivative that is exactly zero out there must stay zero when the chain
    /// behind it is infinite (tanh(x^3)' at x = 1e13 is 0·∞ otherwise). The gate is a select, which the
    /// simplifier keeps outermost, so the infinity is never multiplied. An argument whose own derivatives
    /// are always finite (x, beta·x, (x − 1)/2…) needs no gate, so sigmoid(x) and swish pay nothing.
    /// </summary>
    private static Expr Within(Expr u, Expr limit, Expr adjoint) =>
        HasFiniteDerivatives(u) ? adjoint : E.Select(E.Compare(Op.Less, E.Call(Op.Abs, u), limit), adjoint, E.Zero);

    private static Expr Above(Expr u, Expr limit, Expr adjoint) =>
        HasFiniteDerivatives(u) ? adjoint : E.Select(E.Compare(Op.Greater, u, limit), adjoint, E.Zero);

    private static Expr Below(Expr u, Expr limit, Expr adjoint) =>
        HasFiniteDerivatives(u) ? adjoint : E.Select(E.Compare(Op.Less, u, limit), adjoint, E.Zero);

    /// <summary>Sums of variables, constants and products of two of them: every partial derivative is one of them.</summary>
    private static bool HasFiniteDerivatives(Expr u) => u switch
    {
        Var or Num => true,
        Apply { Op: Op.Negate } n => HasFiniteDerivatives(n[0]),
        Apply { Op: Op.Add or Op.Subtract } s => HasFiniteDerivatives(s[0]) && HasFiniteDerivatives(s[1]),
        Apply { Op: Op.Multiply } m => (m[0] is Num && HasFiniteDerivatives(m[1])) || (m[0] is Var or Num && m[1] is Var or Num),
        Apply { Op: Op.Divide } d => HasFiniteDerivatives(d[0]) && d[1] is Num,
        _ => false,
    };

    /// <summary>d(u^n)/du = n·u^(n−1), written as a product so that small integer powers stay exact.</summary>
    private static Expr PowerRule(Expr u, Expr n) => E.Multiply(n, E.Power(u, E.Subtract(n, E.One)));

    private static Expr InClosedRange(Expr u, Expr low, Expr high) =>
        E.Logic(Op.And, E.Compare(Op.GreaterOrEqual, u, low), E.Compare(Op.LessOrEqual, u, high));
}
