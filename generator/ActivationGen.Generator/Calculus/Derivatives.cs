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
            Op.Exp => [E.Multiply(g, node)],
            Op.Log => [E.Divide(g, u)],
            Op.Log1p => [E.Divide(g, E.Add(E.One, u))],
            Op.Expm1 => [E.Multiply(g, E.Add(node, E.One))],
            Op.Sqrt => [E.Divide(E.Multiply(E.Num(0.5), g), node)],
            Op.Abs => [E.Multiply(g, E.Call(Op.Sign, u))],
            Op.Sign => [E.Zero],
            Op.Min => [E.Select(E.Compare(Op.Less, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Less, u, a[1]), E.Zero, g)],
            Op.Max => [E.Select(E.Compare(Op.Greater, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Greater, u, a[1]), E.Zero, g)],
            Op.Clamp => [E.Select(InClosedRange(u, a[1], a[2]), g, E.Zero), E.Select(E.Compare(Op.Less, u, a[1]), g, E.Zero), E.Select(E.Compare(Op.Greater, u, a[2]), g, E.Zero)],
            Op.Sin => [E.Multiply(g, E.Call(Op.Cos, u))],
            Op.Cos => [E.Negate(E.Multiply(g, E.Call(Op.Sin, u)))],
            Op.Tan => [E.Multiply(g, E.Add(E.One, E.Multiply(node, node)))],
            Op.Tanh => [E.Multiply(g, E.Subtract(E.One, E.Multiply(node, node)))],
            Op.Sigmoid => [E.Multiply(g, E.Multiply(node, E.Subtract(E.One, node)))],
            Op.Softplus => [E.Multiply(g, E.Call(Op.Sigmoid, u))],
            Op.Erf => [E.Multiply(g, E.Multiply(TwoOverSqrtPi, E.Call(Op.Exp, E.Negate(E.Multiply(u, u)))))],
            Op.Atan => [E.Divide(g, E.Add(E.One, E.Multiply(u, u)))],
            _ => new Expr[a.Count], // comparisons and logic carry no gradient
        };
    }

    /// <summary>d(u^n)/du = n·u^(n−1), written as a product so that small integer powers stay exact.</summary>
    private static Expr PowerRule(Expr u, Expr n) => E.Multiply(n, E.Power(u, E.Subtract(n, E.One)));

    private static Expr InClosedRange(Expr u, Expr low, Expr high) =>
        E.Logic(Op.And, E.Compare(Op.GreaterOrEqual, u, low), E.Compare(Op.LessOrEqual, u, high));
}
