using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 8: gradient-flow statistics of several activations, from the library's <see cref="ActivationAnalysis"/>.</summary>
public sealed class AnalysisScene : Scene
{
    public const float From = -6, To = 6;

    public override string Name => "analysis";

    public override string Title => "gradient-flow analysis: how much gradient each activation lets through";

    public override string Fixes =>
        "the original approximated f' with np.gradient on a grid and never filled its history list; "
        + "here ActivationAnalysis uses the generated analytic derivatives, and every figure is printed, tabulated and plotted";

    public override void Run(SceneContext context)
    {
        var options = new AnalysisOptions { Points = context.Quick ? 4_000 : 40_000 };
        GradientFlow[] flows =
        [
            ActivationAnalysis.Analyze(new Activations.ReluActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.SigmoidActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.TanhActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.LeakyReluActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.EluActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.GeluActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.SiluActivation(), From, To, options),
            ActivationAnalysis.Analyze(new Activations.MishActivation(), From, To, options),
        ];
        int layers = options.Layers;

        context.Table("gradient-flow",
            $"ActivationAnalysis over {options.Points} points of [{From}, {To}] (vanishing: |f'| < {options.VanishingThreshold}; "
            + $"saturation: where |f'| stays vanishing out to the range's end; E|f'|^{layers}: z ~ N(0, 1) at each of {layers} layers)",
            ["activation", "mean |f'|", "max |f'| (at x)", "vanishing", "dead (f' = 0)", "saturates below", "saturates above",
                "output range", $"|f'(1)|^{layers}", $"E|f'|^{layers}"],
            flows.Select(f => (IReadOnlyList<string>)[f.Name, SceneContext.Num(f.MeanAbsDerivative, "F4"),
                $"{SceneContext.Num(f.MaxAbsDerivative, "F4")} ({SceneContext.Num(f.MaxAbsDerivativeAt, "F2")})",
                SceneContext.Num(f.VanishingFraction, "P1"), SceneContext.Num(f.DeadFraction, "P1"),
                f.SaturatesBelow is { } below ? SceneContext.Num(below, "F3") : "-",
                f.SaturatesAbove is { } above ? SceneContext.Num(above, "F3") : "-",
                $"[{SceneContext.Num(f.OutputMin, "F3")}, {SceneContext.Num(f.OutputMax, "F3")}]",
                SceneContext.Num(f.LayerProducts.Single(p => p.PreActivation == 1).Product, "E2"),
                SceneContext.Num(f.ExpectedLayerProduct, "E2")]));
        foreach (var f in flows)
        {
            context.Figure($"max {f.Name}", f.MaxAbsDerivative);
            context.Figure($"max at {f.Name}", f.MaxAbsDerivativeAt);
            context.Figure($"mean {f.Name}", f.MeanAbsDerivative);
            context.Figure($"dead {f.Name}", f.DeadFraction);
            context.Figure($"vanishing {f.Name}", f.VanishingFraction);
            context.Figure($"expected product {f.Name}", f.ExpectedLayerProduct);
            context.Figure($"output min {f.Name}", f.OutputMin);
            context.Figure($"output max {f.Name}", f.OutputMax);
            if (f.SaturatesBelow is { } below)
                context.Figure($"saturates below {f.Name}", below);
            if (f.SaturatesAbove is { } above)
                context.Figure($"saturates above {f.Name}", above);
        }

        // The analysis keeps its samples; every 10th is plenty for a picture.
        var shown = flows.Take(6).ToArray();
        var xs = shown[0].Inputs.Where((_, i) => i % 10 == 0).ToArray();
        var slopes = Charts.Lines("|f'(x)|: where the gradient flows", "x", "|f'(x)|", xs,
            shown.Select(f => (f.Name, f.Derivatives.Where((_, i) => i % 10 == 0).Select(Math.Abs).ToArray())));
        context.Picture("slopes", "|f'| of six activations, from the analysis' analytic derivatives", slopes);

        var depths = Enumerable.Range(1, 20).Select(d => (double)d).ToArray();
        var product = Charts.Lines("Gradient through L layers at N(0, 1) pre-activations", "layers L", "log10 (E|f'|)^L", depths,
            flows.Select(f => (f.Name, depths.Select(d => d * Math.Log10(f.ExpectedLayerProduct) / layers).ToArray())));
        Charts.Legend(product, ScottPlot.Alignment.LowerLeft);
        context.Picture("depth", "How the gradient shrinks through L layers", product);
    }
}
