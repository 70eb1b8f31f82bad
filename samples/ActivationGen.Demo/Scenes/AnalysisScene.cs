using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Scenes.Analysis;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 8: gradient-flow statistics of several activations, from their analytic derivatives.</summary>
public sealed class AnalysisScene : Scene
{
    public const double From = -6, To = 6;
    public const int Layers = 10;

    public override string Name => "analysis";

    public override string Title => "gradient-flow analysis: how much gradient each activation lets through";

    public override string Fixes =>
        "the original approximated f' with np.gradient on a grid and never filled its history list; "
        + "here the statistics use the generated analytic derivatives, and every figure is printed, tabulated and plotted";

    private static readonly (string Name, SpanForward Forward, SpanBackward Backward)[] Entries =
    [
        ("ReLU", (x, y) => Activations.Relu(x, y), (x, dy, dx) => Activations.ReluBackward(x, dy, dx)),
        ("sigmoid", (x, y) => Activations.Sigmoid(x, y), (x, dy, dx) => Activations.SigmoidBackward(x, dy, dx)),
        ("tanh", (x, y) => Activations.Tanh(x, y), (x, dy, dx) => Activations.TanhBackward(x, dy, dx)),
        ("leaky ReLU", (x, y) => Activations.LeakyRelu(x, y), (x, dy, dx) => Activations.LeakyReluBackward(x, dy, dx)),
        ("ELU", (x, y) => Activations.Elu(x, y), (x, dy, dx) => Activations.EluBackward(x, dy, dx)),
        ("GELU", (x, y) => Activations.Gelu(x, y), (x, dy, dx) => Activations.GeluBackward(x, dy, dx)),
        ("swish", (x, y) => Activations.Silu(x, y), (x, dy, dx) => Activations.SiluBackward(x, dy, dx)),
        ("mish", (x, y) => Activations.Mish(x, y), (x, dy, dx) => Activations.MishBackward(x, dy, dx)),
    ];

    public override void Run(SceneContext context)
    {
        int points = context.Quick ? 12_000 : 120_000;
        var random = new Random(8);
        // Typical pre-activations: standard normal, as after a well-initialized layer.
        var typical = Enumerable.Range(0, points / 4).Select(_ => Sampling.Normal(random)).ToArray();
        var figures = Entries.Select(e => GradientFlowPlaceholder.Analyze(e.Name, e.Forward, e.Backward, From, To, points, typical, Layers)).ToList();

        context.Table("gradient-flow",
            $"Gradient flow over {points} points of [{From}, {To}] (vanishing: |f'| < {GradientFlowPlaceholder.VanishingThreshold}; "
            + $"{Layers}-layer product: (mean |f'| at N(0, 1) pre-activations)^{Layers})",
            ["activation", "mean |f'|", "max |f'|", "vanishing", "dead (f' = 0)", "|f'| >= 0.01 on", "output range", $"{Layers}-layer product"],
            figures.Select(f => (IReadOnlyList<string>)[f.Name, SceneContext.Num(f.MeanAbsSlope, "F4"), SceneContext.Num(f.MaxAbsSlope, "F4"),
                SceneContext.Num(f.VanishingFraction, "P1"), SceneContext.Num(f.DeadFraction, "P1"),
                $"[{SceneContext.Num(f.ActiveFrom, "F2")}, {SceneContext.Num(f.ActiveTo, "F2")}]",
                $"[{SceneContext.Num(f.OutputMin, "F3")}, {SceneContext.Num(f.OutputMax, "F3")}]", SceneContext.Num(f.LayerProduct, "E2")]));
        foreach (var f in figures)
        {
            context.Figure($"max {f.Name}", f.MaxAbsSlope);
            context.Figure($"mean {f.Name}", f.MeanAbsSlope);
            context.Figure($"dead {f.Name}", f.DeadFraction);
            context.Figure($"vanishing {f.Name}", f.VanishingFraction);
            context.Figure($"product {f.Name}", f.LayerProduct);
        }

        var xs = Charts.Range(From, To, 481);
        var slopes = Charts.Lines("|f'(x)|: where the gradient flows", "x", "|f'(x)|", xs,
            Entries.Take(6).Select(e => (e.Name, Curves.Derivative(e.Backward, xs).Select(Math.Abs).ToArray())));
        context.Picture("slopes", "|f'| of six activations, from the generated backward kernels", slopes);

        var depths = Enumerable.Range(1, 20).Select(d => (double)d).ToArray();
        var product = Charts.Lines("Gradient through L layers at typical pre-activations", "layers L", "log10 (mean |f'|)^L", depths,
            figures.Select(f => (f.Name, depths.Select(d => d * Math.Log10(Math.Pow(f.LayerProduct, 1.0 / Layers))).ToArray())));
        Charts.Legend(product, ScottPlot.Alignment.LowerLeft);
        context.Picture("depth", "How the gradient shrinks through L layers", product);
    }
}
