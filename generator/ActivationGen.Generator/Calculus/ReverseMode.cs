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

        // Contributions are summed when their node is reached, all parents being done by then.
        var contributions = new Dictionary<Expr, List<Expr>> { [root] = [seed] };
        for (int i = order.Count - 1; i >= 0; i--)
        {
            if (order[i] is not Apply node || !contributions.TryGetValue(node, out var parts) || !dependsOnWrt[node])
                continue;
            var local = Functions.Of(node.Op).Derivative(node, Sum(parts), gates);
            for (int k = 0; k < node.Args.Count; k++)
            {
                var arg = node.Args[k];
                if (local[k] is not { } contribution || Trees.IsZero(contribution) || !dependsOnWrt[arg])
                    continue;
                if (contributions.TryGetValue(arg, out var list))
                    list.Add(contribution);
                else
                    contributions[arg] = [contribution];
            }
        }
        return wrt.Select(name => contributions.TryGetValue(Trees.Var(name), out var parts) ? Sum(parts) : Trees.Zero).ToArray();
    }

    /// <summary>Folded in order; a long list (x in a sum of 10,000 terms) pairwise, so the adjoint stays shallow.</summary>
    private static Expr Sum(List<Expr> parts)
    {
        if (parts.Count <= 64)
            return parts.Skip(1).Aggregate(parts[0], Trees.Add);
        var level = parts;
        while (level.Count > 1)
        {
            var next = new List<Expr>((level.Count + 1) / 2);
            for (int i = 0; i + 1 < level.Count; i += 2)
                next.Add(Trees.Add(level[i], level[i + 1]));
            if (level.Count % 2 == 1)
                next.Add(level[level.Count - 1]);
            level = next;
        }
        return level[0];
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
