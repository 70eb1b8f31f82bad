using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Calculus;

/// <summary>
/// Finds ∂f/∂x written from the output y = f(x) alone, so a layer can run the backward without keeping x
/// (sigmoid' = y(1−y), tanh' = 1−y², ReLU' = y > 0, ELU' = y > 0 ? 1 : y + α…). Candidates come from
/// rewriting, and only a candidate that matches the true derivative at every sample point is accepted.
/// </summary>
/// <remarks>
/// Rewrites: the forward value becomes y wherever it appears; so does each side of a top-level branch inside
/// the same branch of the derivative; x becomes y where that side is x itself, and where it is
/// c·expm1(x) or c·exp(x), exp(x) becomes y/c + 1 or y/c; where it is c·softplus(u), σ(u) becomes −expm1(−y/c)
/// and σ(−u) becomes e^(−y/c) (log σ and softplus); a comparison of x with a constant k becomes the
/// same comparison of y with f(k), which is right only where f is increasing across k.
/// </para>
/// <para>
/// Verification: each hyperparameter is sampled on its own from both signs and several magnitudes, in every
/// combination with the others (so both orders of any two), at x on a dense grid, at each sampled value and on
/// either side of it. A rewritten comparison x &gt; k ⟺ y &gt; f(k) is accepted only where it agrees with the
/// true derivative at every such point, which includes both sides of every threshold. A candidate wrong for
/// some samples is kept only when one condition on the hyperparameters (p ≥ 0, or p ≤ q) excludes every
/// failing sample and is met by some passing ones; the member then checks that condition at run time and
/// throws otherwise, as PyTorch refuses ELU's backward-from-result for α &lt; 0.
/// </para>
/// </remarks>
internal static class FromOutput
{
    private static readonly double[] ParameterSamples = [-2, -0.5, 0.25, 1, 1.7, 4];

    /// <summary>∂f/∂x from y and the conditions on hyperparameters it needs (C# and formula syntax alike), or null.</summary>
    public static (Expr Derivative, string[] Conditions)? Derivative(Expr f, Expr derivative, string x, string y, IReadOnlyList<string> parameters)
    {
        if (!Substitute.Mentions(f, x))
            return null;
        var candidate = Rewrite(f, derivative, x, y);
        if (candidate is null || Substitute.Mentions(candidate, x))
            return null;
        var samples = Samples(parameters).ToArray();
        var (ofF, ofDerivative, ofCandidate) = (Evaluate.Shared(f), Evaluate.Shared(derivative), Evaluate.Shared(candidate));
        var failing = samples.Where(p => !Agrees(ofF, ofDerivative, ofCandidate, x, y, p)).ToArray();
        if (failing.Length == 0)
            return (candidate, []);
        var passing = samples.Except(failing).ToArray();
        foreach (var (condition, holds) in Conditions(parameters))
            if (failing.All(p => !holds(p)) && passing.Any(holds) && samples.Where(holds).All(p => passing.Contains(p)))
                return (candidate, [condition]);
        return null;
    }

    /// <summary>Every combination of the samples for up to three hyperparameters; beyond, each varied alone.</summary>
    private static IEnumerable<Dictionary<string, double>> Samples(IReadOnlyList<string> parameters)
    {
        if (parameters.Count == 0)
        {
            yield return [];
            yield break;
        }
        if (parameters.Count <= 3)
        {
            foreach (var combination in Combinations(parameters.Count))
                yield return parameters.Select((n, i) => (n, combination[i])).ToDictionary(p => p.n, p => p.Item2);
            yield break;
        }
        foreach (var name in parameters)
            foreach (double v in ParameterSamples)
                yield return parameters.ToDictionary(n => n, n => n == name ? v : 1.0);
    }

    private static IEnumerable<double[]> Combinations(int count) => count == 0
        ? [[]]
        : Combinations(count - 1).SelectMany(rest => ParameterSamples.Select(v => rest.Append(v).ToArray()));

    private static IEnumerable<(string Condition, Func<Dictionary<string, double>, bool> Holds)> Conditions(IReadOnlyList<string> parameters)
    {
        foreach (var p in parameters)
            yield return ($"{p} >= 0", v => v[p] >= 0);
        foreach (var p in parameters)
            foreach (var q in parameters.Where(q => q != p))
                yield return ($"{p} <= {q}", v => v[p] <= v[q]);
    }

    private static Expr? Rewrite(Expr f, Expr d, string x, string y)
    {
        Expr output = Trees.Var(y);
        d = Substitute.Map(d, e => Comparison(e, f, x, output));
        d = Substitute.Map(d, e => e.Equals(f) ? output : null);
        if (f is Apply { Op: Op.Select } branch)
        {
            var condition = Substitute.Map(branch[0], e => Comparison(e, f, x, output));
            d = Substitute.Map(d, e => e is Apply { Op: Op.Select } s && s[0].Equals(condition)
                ? Trees.Select(condition, Side(s[1], branch[1], x, output), Side(s[2], branch[2], x, output))
                : null);
        }
        else
        {
            d = Side(d, f, x, output);
        }
        return d;
    }

    /// <summary><paramref name="side"/> as c·g with c free of <paramref name="x"/>: −g is c = −1, and anything else is 1·itself.</summary>
    private static (Expr Scale, Expr Inner) Scaled(Expr side, string x) => side switch
    {
        Apply { Op: Op.Negate } negated => (Trees.Num(-1), negated[0]),
        Apply { Op: Op.Multiply } product when !Substitute.Mentions(product[0], x) => (product[0], product[1]),
        _ => (Trees.One, side),
    };

    /// <summary>Rewrites a derivative <paramref name="d"/> valid where y = <paramref name="side"/>(x).</summary>
    private static Expr Side(Expr d, Expr side, string x, Expr y)
    {
        if (!Substitute.Mentions(side, x))
            return d;
        d = Substitute.Map(d, e => e.Equals(side) ? y : null);
        // σ′(u) where y = σ(u) is y(1 − y); tanh′(u) where y = tanh(u) is 1 − y².
        d = Substitute.Map(d, e => e is Apply { Args.Count: 1 } a && Functions.Of(a.Op).FromValue is { } fromValue
            && Trees.Call(fromValue.Of, a[0]).Equals(side) ? fromValue.Derivative(y) : null);
        if (side is Var v && v.Name == x)
            return Substitute.Variable(d, x, y);
        var (scale, inner) = Scaled(side, x);
        // y = c·expm1(x) or y = c·exp(x): exp(x) is y/c + 1 or y/c.
        if (inner is Apply { Op: Op.Expm1 or Op.Exp } exp && exp[0] is Var u && u.Name == x)
        {
            var inverse = Trees.Divide(y, scale);
            bool isExpm1 = inner is Apply { Op: Op.Expm1 };
            var expX = isExpm1 ? Trees.Add(inverse, Trees.One) : inverse;
            var expm1X = isExpm1 ? inverse : Trees.Subtract(inverse, Trees.One);
            // c·exp(x) is y + c (or y) without dividing by c, which may be 0 at run time (ELU with α = 0).
            var scaledExp = Trees.Multiply(scale, isExpm1 ? Trees.Add(inner, Trees.One) : inner);
            var scaledExpFromY = isExpm1 ? Trees.Add(y, scale) : y;
            var scaledPlainExp = Trees.Multiply(scale, Trees.Call(Op.Exp, exp[0]));
            d = Substitute.Map(d, e => e.Equals(scaledExp) || e.Equals(scaledPlainExp) ? scaledExpFromY : null);
            d = Substitute.Map(d, e => e is Apply { Op: Op.Exp or Op.Expm1 } ex && ex[0].Equals(exp[0])
                ? (ex.Op == Op.Exp ? expX : expm1X)
                : null);
        }
        // y = c·softplus(u) (c = −1 for log σ(x) = −softplus(−x)): σ(u) = 1 − e^(−softplus u) = −expm1(−y/c) and
        // σ(−u) = e^(−y/c), which keep the relative accuracy of y where σ(u) is small (1 − e^(−y/c) would not).
        if (inner is Apply { Op: Op.Softplus } softplus)
        {
            var minusSoftplus = Trees.Negate(Trees.Divide(y, scale));
            var argument = softplus[0];
            d = Substitute.Map(d, e => e is Apply { Op: Op.Sigmoid } sigmoid
                ? (sigmoid[0].Equals(argument) ? Trees.Negate(Trees.Call(Op.Expm1, minusSoftplus))
                    : sigmoid[0].Equals(Trees.Negate(argument)) ? Trees.Call(Op.Exp, minusSoftplus) : null)
                : null);
        }
        return d;
    }

    /// <summary>cmp(x, k) → cmp(y, f(k)) for k free of x (and k·cmp·x likewise).</summary>
    private static Expr? Comparison(Expr e, Expr f, string x, Expr y)
    {
        if (e is not Apply { Op: Op.Less or Op.LessOrEqual or Op.Greater or Op.GreaterOrEqual } cmp)
            return null;
        if (cmp[0] is Var a && a.Name == x && !Substitute.Mentions(cmp[1], x))
            return Trees.Compare(cmp.Op, y, AssumingFinite(Substitute.Variable(f, x, cmp[1])));
        if (cmp[1] is Var b && b.Name == x && !Substitute.Mentions(cmp[0], x))
            return Trees.Compare(cmp.Op, AssumingFinite(Substitute.Variable(f, x, cmp[0])), y);
        return null;
    }

    /// <summary>f(k) with hyperparameters taken as finite, as backward-from-output assumes: slope·0 is 0.</summary>
    private static Expr AssumingFinite(Expr e) => Substitute.Map(e, n => n is Apply { Op: Op.Multiply } m && (Trees.IsZero(m[0]) || Trees.IsZero(m[1])) ? Trees.Zero : null);

    private static bool Agrees(
        Func<IReadOnlyDictionary<string, double>, double> f,
        Func<IReadOnlyDictionary<string, double>, double> derivative,
        Func<IReadOnlyDictionary<string, double>, double> candidate,
        string x,
        string y,
        Dictionary<string, double> parameters)
    {
        var values = new Dictionary<string, double>(parameters);
        // A dense grid, the far tails, and every sampled value with its neighbours (the thresholds).
        var points = Enumerable.Range(-80, 161).Select(i => i / 8.0)
            .Concat([-30, -12.5, -1e-3, 0, 1e-3, 12.5, 30, 0.5, -0.5, 1, -1, 6, 3, -3])
            .Concat(parameters.Values.SelectMany(v => new[] { v, v - 1e-3, v + 1e-3, -v, -v - 1e-3, -v + 1e-3 }));
        foreach (double point in points)
        {
            values[x] = point;
            double expected = derivative(values);
            double output = f(values);
            values[y] = output;
            double actual = candidate(values);
            values.Remove(y);
            if (double.IsNaN(expected) || double.IsInfinity(expected))
                continue;
            // Absolute at the scale of y: from the output, saturated sigmoid-like derivatives round to 0.
            double scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(output)));
            if (!(Math.Abs(actual - expected) <= 1e-7 * scale))
                return false;
        }
        return true;
    }
}
