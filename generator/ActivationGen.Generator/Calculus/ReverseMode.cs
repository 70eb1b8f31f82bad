using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Calculus;

/// <summary>
/// Reverse-mode differentiation over the formula's DAG: one sweep from the output down, accumulating each
/// node's adjoint from its parents, so shared subexpressions are differentiated once and the backward
/// formulas reuse the forward values (they name the same subtrees, which the lowering then shares).
/// </summary>
internal static class ReverseMode
{
    /// <summary>For each name in <paramref name="wrt"/>, seed·∂root/∂name (zero when root does not depend on it).</summary>
    public static Expr[] Gradients(Expr root, Expr seed, IReadOnlyList<string> wrt, Gates gates)
    {
        var order = new List<Expr>();
        var dependsOnWrt = new Dictionary<Expr, bool>();
        var targets = new HashSet<string>(wrt);
        Visit(root, targets, order, dependsOnWrt);

        var adjoints = new Dictionary<Expr, Expr> { [root] = seed };
        for (int i = order.Count - 1; i >= 0; i--)
        {
            if (order[i] is not Apply node || !adjoints.TryGetValue(node, out var g) || !dependsOnWrt[node])
                continue;
            var local = Functions.Of(node.Op).Derivative(node, g, gates);
            for (int k = 0; k < node.Args.Count; k++)
            {
                var arg = node.Args[k];
                if (local[k] is not { } contribution || E.IsZero(contribution) || !dependsOnWrt[arg])
                    continue;
                adjoints[arg] = adjoints.TryGetValue(arg, out var sum) ? E.Add(sum, contribution) : contribution;
            }
        }
        return wrt.Select(name => adjoints.TryGetValue(E.Var(name), out var g) ? g : E.Zero).ToArray();
    }

    // Post-order: every node after its arguments, each distinct subtree once.
    private static void Visit(Expr e, HashSet<string> targets, List<Expr> order, Dictionary<Expr, bool> dependsOnWrt)
    {
        if (dependsOnWrt.ContainsKey(e))
            return;
        bool depends = e is Var v && targets.Contains(v.Name);
        if (e is Apply node)
        {
            foreach (var arg in node.Args)
            {
                Visit(arg, targets, order, dependsOnWrt);
                depends |= dependsOnWrt[arg];
            }
        }
        dependsOnWrt[e] = depends;
        order.Add(e);
    }
}
