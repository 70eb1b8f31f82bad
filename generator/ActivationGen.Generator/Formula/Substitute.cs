using System;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>Rebuilds a tree bottom-up through the simplifying constructors, replacing what a rule matches.</summary>
internal static class Substitute
{
    /// <summary>Replaces every subtree for which <paramref name="rule"/> returns a tree, outermost first.</summary>
    public static Expr Map(Expr e, Func<Expr, Expr?> rule)
    {
        if (rule(e) is { } replaced)
            return replaced;
        if (e is not Apply node)
            return e;
        return Stabilize.Rebuild(node.Op, node.Args.Select(a => Map(a, rule)).ToArray());
    }

    public static Expr Variable(Expr e, string name, Expr value) => Map(e, x => x is Var v && v.Name == name ? value : null);

    public static bool Mentions(Expr e, string name) => e switch
    {
        Var v => v.Name == name,
        Apply a => a.Args.Any(x => Mentions(x, name)),
        _ => false,
    };
}
