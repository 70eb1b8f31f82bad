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

    /// <summary>
    /// A tree prepared for evaluation at many points, each distinct subtree computed once per point: a
    /// derivative shares subtrees, and walked as a tree it can be quadratic in the formula's length. The
    /// evaluator reuses its buffers: one thread at a time.
    /// </summary>
    public static Func<IReadOnlyDictionary<string, double>, double> Shared(Expr e)
    {
        var order = new List<Expr>();
        var index = new Dictionary<Expr, int>();
        Number(e, order, index);
        var args = order.Select(n => n is Apply a ? a.Args.Select(x => index[x]).ToArray() : []).ToArray();
        // One argument buffer per node, filled anew at each point (the function table takes arrays).
        var buffers = args.Select(a => new double[a.Length]).ToArray();
        var results = new double[order.Count];
        return values =>
        {
            for (int i = 0; i < results.Length; i++)
            {
                var buffer = buffers[i];
                for (int k = 0; k < buffer.Length; k++)
                    buffer[k] = results[args[i][k]];
                results[i] = order[i] switch
                {
                    Num n => n.Value,
                    Var v => values[v.Name],
                    Apply a => Apply(a.Op, buffer),
                    var other => throw new InvalidOperationException("ActivationGen internal error: unknown tree node " + other.GetType().Name),
                };
            }
            return results[results.Length - 1];
        };
    }

    // Post-order: every distinct subtree after its arguments, once.
    private static void Number(Expr e, List<Expr> order, Dictionary<Expr, int> index)
    {
        if (index.ContainsKey(e))
            return;
        if (e is Apply a)
            foreach (var arg in a.Args)
                Number(arg, order, index);
        index[e] = order.Count;
        order.Add(e);
    }
}
