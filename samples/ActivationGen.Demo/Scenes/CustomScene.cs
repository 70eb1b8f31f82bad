using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 6: a user's activation declared once; its gradients checked against central finite differences.</summary>
public sealed class CustomScene : Scene
{
    public const float Alpha = 0.5f, Beta = 1f;
    public static readonly double[] Probes = [-8, -3, -1, -0.25, 0.25, 1, 3];

    public override string Name => "custom";

    public override string Title => "custom x > 0 ? alpha*x^2 : beta*log(1 + exp(x)): declared once, gradient checked";

    public override string Fixes =>
        "the original wrote the softplus as np.log(1 + np.exp(x)) (overflow for large x, zero far left) and its gradient by hand; "
        + "here the generator rewrites it as a stable softplus and derives every gradient, checked against central finite differences";

    public override void Run(SceneContext context)
    {
        var explained = DeclaredMath.Of(typeof(DemoActivations), nameof(DemoActivations.Custom));
        context.Note($"Declared: {explained.Formula}");
        foreach (var rewrite in explained.Rewrites)
            context.Note($"Stability rewrite: {rewrite.Before}  ->  {rewrite.After}");
        foreach (var partial in explained.Derivatives)
            context.Note($"df/d{partial.Name} = {partial.Derivative}");

        // Far left the naive float formula rounds 1 + exp(x) to 1 and returns 0; the stable form keeps exp(x).
        float farLeft = -100f;
        float naive = Beta * MathF.Log(1f + MathF.Exp(farLeft));
        context.Note($"At x = {farLeft}: naive float log(1 + exp(x)) = {naive:G6}, generated = {DemoActivations.Custom(farLeft, Alpha, Beta):G6}, "
            + $"exact = {Math.Exp(farLeft):G6}.");
        context.Figure("farLeftGenerated", DemoActivations.Custom(farLeft, Alpha, Beta));

        var rows = new List<IReadOnlyList<string>>();
        double worst = 0;
        foreach (double x in Probes)
        {
            var (dx, dAlpha, dBeta) = Gradients(x);
            var (fdX, fdAlpha, fdBeta) = FiniteDifferences(x);
            double error = new[] { Relative(dx, fdX), Relative(dAlpha, fdAlpha), Relative(dBeta, fdBeta) }.Max();
            worst = Math.Max(worst, error);
            rows.Add([SceneContext.Num(x), SceneContext.Num(dx, "G8"), SceneContext.Num(fdX, "G8"), SceneContext.Num(dAlpha, "G8"),
                SceneContext.Num(fdAlpha, "G8"), SceneContext.Num(dBeta, "G8"), SceneContext.Num(fdBeta, "G8"), SceneContext.Num(error, "E2")]);
            context.Figure($"dx({x})", dx);
            context.Figure($"dAlpha({x})", dAlpha);
            context.Figure($"dBeta({x})", dBeta);
        }
        context.Table("gradient-check", "Generated gradients (double kernel) against central finite differences, h = 1e-6",
            ["x", "df/dx", "FD", "df/dalpha", "FD", "df/dbeta", "FD", "max rel. error"], rows);
        context.Note($"Largest relative difference between generated gradients and finite differences: {worst:E2}.");
        context.Figure("worst", worst);

        var xs = Charts.Range(-4, 2.5, 261);
        var y = Curves.Forward((x, output) => DemoActivations.Custom(x, output, Alpha, Beta), xs);
        var d = Curves.Derivative((x, dy, dxs) => DemoActivations.CustomBackward(x, dy, dxs, Alpha, Beta), xs);
        var plot = Charts.Lines("Custom activation (alpha 0.5, beta 1) and its gradient", "x", "f(x), df/dx (dashed)", xs,
            [("f", y), ("df/dx", d)], dashedAfterHalf: true);
        context.Picture("forward-gradient", "The custom activation and its generated gradient", plot);
    }

    /// <summary>∂f/∂x, ∂f/∂alpha, ∂f/∂beta at one point from the generated double backward.</summary>
    private static (double Dx, double DAlpha, double DBeta) Gradients(double x)
    {
        Span<double> dx = stackalloc double[1];
        DemoActivations.CustomDoubleBackward([x], [1.0], dx, Alpha, Beta, out double dAlpha, out double dBeta);
        return (dx[0], dAlpha, dBeta);
    }

    /// <summary>Central differences of the formula written out here in plain double math, independent of the generator.</summary>
    private static (double Dx, double DAlpha, double DBeta) FiniteDifferences(double x)
    {
        static double F(double x, double alpha, double beta) => x > 0 ? alpha * x * x : beta * Math.Log(1 + Math.Exp(x));
        const double h = 1e-6;
        return ((F(x + h, Alpha, Beta) - F(x - h, Alpha, Beta)) / (2 * h),
            (F(x, Alpha + h, Beta) - F(x, Alpha - h, Beta)) / (2 * h),
            (F(x, Alpha, Beta + h) - F(x, Alpha, Beta - h)) / (2 * h));
    }

    private static double Relative(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b), 1e-6);
}
