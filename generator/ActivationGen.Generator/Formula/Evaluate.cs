using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>Double-precision meaning of trees, from the function table; truth values are 1 and 0.</summary>
internal static class Evaluate
{
    public static double Apply(Op op, double[] a) => Functions.Of(op).Evaluate(a);

    /// <summary>Evaluates a tree in double, with <paramref name="values"/> for its variables.</summary>
    public static double Tree(Expr e, IReadOnlyDictionary<string, double> values) => e switch
    {
        Num n => n.Value,
        Var v => values[v.Name],
        Apply a => Apply(a.Op, a.Args.Select(x => Tree(x, values)).ToArray()),
        _ => throw new InvalidOperationException("ActivationGen internal error: unknown tree node " + e.GetType().Name),
    };
}
