using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 4: the sigmoid at extreme inputs, with no clipping and no NaN.</summary>
public sealed class SigmoidScene : Scene
{
    public static readonly float[] Inputs = [-1000, -1, 0, 1, 1000];

    public override string Name => "sigmoid";

    public override string Title => "sigmoid at extreme inputs [-1000, -1, 0, 1, 1000]";

    public override string Fixes =>
        "the original clipped x to keep 1/(1 + np.exp(-x)) from overflowing (a RuntimeWarning and an inf otherwise); "
        + "the generated sigmoid is stable for every float, so no clipping is needed and no NaN appears";

    public override void Run(SceneContext context)
    {
        var y = new float[Inputs.Length];
        Activations.Sigmoid(Inputs, y);
        var dy = Enumerable.Repeat(1f, Inputs.Length).ToArray();
        var dx = new float[Inputs.Length];
        Activations.SigmoidBackward(Inputs, dy, dx);
        var dxFromOutput = new float[Inputs.Length];
        Activations.SigmoidBackwardFromOutput(y, dy, dxFromOutput);

        context.Table("extremes", "sigmoid: outputs and gradients (float kernels, dy = 1)",
            ["x", "sigmoid(x)", "sigmoid'(x)", "from y: y(1-y)"],
            Inputs.Select((x, i) => (IReadOnlyList<string>)[SceneContext.Num(x), SceneContext.Num(y[i], "G9"),
                SceneContext.Num(dx[i], "G9"), SceneContext.Num(dxFromOutput[i], "G9")]));

        // The gradient's tail: the generated float backward follows e^-|x| down to float's smallest subnormal, then 0, never NaN.
        var xs = Charts.Range(-110, 110, 881);
        var slope = Curves.Derivative((x, d, g) => Activations.SigmoidBackward(x, d, g), xs);
        var plot = Charts.Lines("Sigmoid's gradient far out: generated float kernel against exact double", "x", "log10 sigmoid'(x)", xs,
        [
            ("generated float backward", slope.Select(v => v > 0 ? Math.Log10(v) : double.NaN).ToArray()),
            ("exact (double)", xs.Select(x => Math.Log10(Math.Exp(-Math.Abs(x)) / Math.Pow(1 + Math.Exp(-Math.Abs(x)), 2))).ToArray()),
        ]);
        Charts.Legend(plot, ScottPlot.Alignment.LowerCenter);
        context.Picture("gradient-tail", "log10 of sigmoid' from the generated float backward, down to the smallest float", plot);
        context.Figure("non-finite gradients over [-110, 110]", slope.Count(v => !double.IsFinite(v)));

        int nonFinite = y.Concat(dx).Concat(dxFromOutput).Count(v => !float.IsFinite(v));
        context.Note($"Non-finite values among the outputs and gradients: {nonFinite}.");
        context.Figure("non-finite", nonFinite);
        for (int i = 0; i < Inputs.Length; i++)
        {
            context.Figure($"y[{i}]", y[i]);
            context.Figure($"dx[{i}]", dx[i]);
        }
    }
}
