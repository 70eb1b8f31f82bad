using BindingFlags = System.Reflection.BindingFlags;
using ActivationGen.Generator.Calculus;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Formula.Syntax;

namespace ActivationGen.Generator.Tests.Fuzz;

/// <summary>
/// Checks one compiled double declaration f(x; a, b) against references that share nothing with code
/// generation: the generator's double evaluator over the parsed and bound formula (before any rewrite),
/// and central finite differences of that evaluator. Points where the reference is not finite, is
/// ill-conditioned or, for gradients, not smooth (a kink or branch switch within reach of the step) are
/// skipped.
/// </summary>
internal sealed class Differential
{
    private const int Points = 8;

    private readonly string formula;
    private readonly Expr expr;
    private readonly Random random;
    private readonly Action<double[], double[], double, double> forward;
    private readonly Func<double[], double[], double[], double, double, double> backward;
    private readonly Func<double, double, double, double> value;
    private readonly Func<double, double, double, double> derivative;

    public Differential(string formula, Type calls, int index, int seed)
    {
        this.formula = formula;
        var (tree, _) = Parser.Parse(formula);
        expr = Binder.Bind(tree!, ["x", "a", "b"]).Expr;
        random = new Random(seed);
        forward = Method<Action<double[], double[], double, double>>(calls, "Forward" + index);
        backward = Method<Func<double[], double[], double[], double, double, double>>(calls, "Backward" + index);
        value = Method<Func<double, double, double, double>>(calls, "Value" + index);
        derivative = Method<Func<double, double, double, double>>(calls, "Derivative" + index);
    }

    /// <summary>
    /// Whether finite differences can judge this formula: not when it holds a constant beyond [1e-6, 1e6] in
    /// magnitude (x + 1e30 absorbs x, and the differences then see a constant).
    /// </summary>
    public static bool IsMeasurable(string formula)
    {
        var (tree, _) = Parser.Parse(formula);
        var (expr, errors) = Binder.Bind(tree!, ["x", "a", "b"]);
        if (errors.Count > 0)
            return false;
        var pending = new Stack<Expr>([expr]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case Num { Value: var v } when v != 0 && (Math.Abs(v) > 1e6 || Math.Abs(v) < 1e-6):
                    return false;
                case Apply apply:
                    foreach (var arg in apply.Args)
                        pending.Push(arg);
                    break;
            }
        }
        return true;
    }

    public List<string> Disagreements { get; } = [];

    public int ComparedValues { get; private set; }
    public int ComparedGradients { get; private set; }

    /// <summary>Points whose gradients were not compared, the chain rule meeting an ∞ or NaN there (see <see cref="ChainMeetsNonFinite"/>).</summary>
    public int NonFiniteChainPoints { get; private set; }

    /// <summary>
    /// Whether a subexpression the gradient flows through here (not a condition, nor the side of ?: not taken),
    /// or its local derivative, is ±∞ or NaN while the value is finite. Either IEEE arithmetic absorbed it
    /// (1^NaN = 1, c/∞ = 0, 0.3^∞ = 0) and the value is flat there, or the local derivative is infinite
    /// (u^p at u = 0 with p &lt; 1); the chain rule then has 0·∞ or NaN·0, NaN by convention (as in PyTorch)
    /// where no gate makes the 0 structural, also where the inner part is constant by cancellation
    /// ((−(0·b))^eˣ, (b/b)^(x^x)), which the differences see as flat and so cannot judge.
    /// </summary>
    private bool ChainMeetsNonFinite(IReadOnlyDictionary<string, double> at)
    {
        var pending = new Stack<Expr>([expr]);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (!double.IsFinite(Evaluate.Tree(e, at)))
                return true;
            if (e is not Apply apply)
                continue;
            // A condition carries no gradient, so a NaN in it (√x > 1 at x < 0) reaches none.
            if (apply.Op == Op.Select)
            {
                pending.Push(Evaluate.Tree(apply.Args[0], at) != 0 ? apply.Args[1] : apply.Args[2]);
                continue;
            }
            if (Functions.IsTruthValued(apply.Op))
                continue;
            if (Functions.Of(apply.Op).Derivative(apply, Trees.One, Gates.On).Any(local => local is not null && !double.IsFinite(Evaluate.Tree(local, at))))
                return true;
            foreach (var arg in apply.Args)
                pending.Push(arg);
        }
        return false;
    }

    public void Run()
    {
        double a = 0.5 + 1.5 * random.NextDouble(), b = 0.5 + 1.5 * random.NextDouble();
        var x = Enumerable.Range(0, Points).Select(_ => Math.Round(8 * random.NextDouble() - 4, 3)).ToArray();
        var y = new double[Points];
        var dx = new double[Points];
        try
        {
            forward(x, y, a, b);
            double dB = backward(x, Enumerable.Repeat(1.0, Points).ToArray(), dx, a, b);
            bool allSmoothInB = true;
            for (int i = 0; i < Points; i++)
            {
                CheckValue(y[i], x[i], a, b, "span forward");
                CheckValue(value(x[i], a, b), x[i], a, b, "scalar value");
                if (double.IsFinite(F(x[i], a, b)) && ChainMeetsNonFinite(Point(x[i], a, b)))
                {
                    NonFiniteChainPoints++;
                    allSmoothInB = false;
                    continue;
                }
                if (Slope(v => F(v, a, b), x[i]) is { } slope)
                {
                    CheckGradient(dx[i], slope, x[i], a, b, "span ∂f/∂x");
                    CheckGradient(derivative(x[i], a, b), slope, x[i], a, b, "scalar ∂f/∂x");
                }
                allSmoothInB &= Slope(v => F(x[i], a, v), b) is not null;
            }
            if (allSmoothInB && Slope(v => x.Sum(xi => F(xi, a, v)), b) is { } sumSlope)
                CheckGradient(dB, sumSlope, double.NaN, a, b, "Σ ∂f/∂b");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Disagreements.Add($"{formula}: a valid declaration threw {e.GetType().Name}: {e.Message}");
        }
    }

    private double F(double x, double a, double b) => Evaluate.Tree(expr, Point(x, a, b));

    private static Dictionary<string, double> Point(double x, double a, double b) => new() { ["x"] = x, ["a"] = a, ["b"] = b };

    private void CheckValue(double generated, double x, double a, double b, string what)
    {
        double reference = F(x, a, b);
        if (!double.IsFinite(reference) || Math.Abs(reference) > 1e100)
            return;
        // How much the reference moves when its inputs move by a few ulp: the error a rewrite may show.
        double d = 1e-12 * Math.Max(1, Math.Abs(x));
        double sensitivity = Math.Max(Math.Abs(F(x + d, a, b) - reference), Math.Abs(F(x - d, a, b) - reference));
        if (!double.IsFinite(sensitivity) || sensitivity > 1e-6 * Math.Max(1, Math.Abs(reference)))
            return;
        ComparedValues++;
        if (!(Math.Abs(generated - reference) <= 1e-9 * Math.Max(1, Math.Abs(reference)) + 1e4 * sensitivity))
            Disagreements.Add($"{formula}: {what} at x = {x}, a = {a}, b = {b} is {generated:R}, the interpreter gives {reference:R}");
    }

    private void CheckGradient(double generated, double slope, double x, double a, double b, string what)
    {
        ComparedGradients++;
        if (!(Math.Abs(generated - slope) <= 1e-5 * Math.Max(1, Math.Abs(slope))))
            Disagreements.Add($"{formula}: {what} at x = {x}, a = {a}, b = {b} is {generated:R}, finite differences give {slope:R}");
    }

    /// <summary>
    /// The central difference at step h, when it agrees with the one at 2h (Richardson: no kink or branch
    /// switch within reach, the function smooth there), when the one-sided slopes agree too, and when the
    /// differences can resolve it; null otherwise.
    /// </summary>
    private static double? Slope(Func<double, double> f, double at)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(at));
        double f0 = f(at), f1 = f(at + h), f2 = f(at - h), f3 = f(at + 2 * h), f4 = f(at - 2 * h);
        if (!double.IsFinite(f1) || !double.IsFinite(f2) || !double.IsFinite(f3) || !double.IsFinite(f4) || !double.IsFinite(f0))
            return null;
        double near = (f1 - f2) / (2 * h), far = (f3 - f4) / (4 * h);
        if (!double.IsFinite(near) || Math.Abs(near) > 1e8 || Math.Abs(near - far) > 1e-6 * Math.Max(1, Math.Abs(near)))
            return null;
        double scale = Math.Max(1, Math.Abs(near));
        // The differences see slopes only above the rounding of f (x − 5e49 is flat to them): here a tenth of
        // the gradient tolerance.
        double resolution = 1.1e-16 * new[] { f0, f1, f2, f3, f4 }.Max(Math.Abs) / h;
        if (resolution > 1e-6 * scale)
            return null;
        // A kink at the point itself (x = 1 in clamp(x, -3, 1)) is symmetric and passes the test above: the
        // right and left slopes, each extrapolated from h and 2h, differ there by the jump (and by O(h²) where
        // smooth). A jump below the gradient tolerance moves the central difference by less than half of it.
        double jump = (4 * (f1 + f2 - 2 * f0) - (f3 + f4 - 2 * f0)) / (2 * h);
        if (Math.Abs(jump) > 1e-5 * scale)
            return null;
        return near;
    }

    private static T Method<T>(Type calls, string name) where T : Delegate =>
        calls.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<T>();
}
