using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Rebuilds a tree bottom-up through the simplifying constructors, replacing what a rule matches. Both walks
/// visit each distinct subtree once: a derivative shares subtrees, and read as a tree it can be quadratic in
/// the formula's length (a product's derivative multiplies each factor by all the others).
/// </summary>
internal static class Substitute
{
    /// <summary>Replaces every subtree for which <paramref name="rule"/> returns a tree, outermost first.</summary>
    public static Expr Map(Expr e, Func<Expr, Expr?> rule) => Map(e, rule, []);

    public static Expr Variable(Expr e, string name, Expr value) => Map(e, x => x is Var v && v.Name == name ? value : null);

    public static bool Mentions(Expr e, string name) => Mentions(e, name, []);

    private static Expr Map(Expr e, Func<Expr, Expr?> rule, Dictionary<Expr, Expr> done)
    {
        if (done.TryGetValue(e, out var known))
            return known;
        var result = rule(e) ?? (e is Apply node ? Rebuilt(node, node.Args.Select(a => Map(a, rule, done)).ToArray()) : e);
        done[e] = result;
        return result;
    }

    // A node none of whose arguments changed is kept: rebuilding it would allocate the same tree again.
    private static Expr Rebuilt(Apply node, Expr[] args)
    {
        for (int i = 0; i < args.Length; i++)
            if (!ReferenceEquals(args[i], node.Args[i]))
                return Stabilize.Rebuild(node.Op, args);
        return node;
    }

    private static bool Mentions(Expr e, string name, Dictionary<Expr, bool> done)
    {
        if (e is Var v)
            return v.Name == name;
        if (e is not Apply a)
            return false;
        if (done.TryGetValue(e, out bool known))
            return known;
        bool mentions = a.Args.Any(x => Mentions(x, name, done));
        done[e] = mentions;
        return mentions;
    }
}
