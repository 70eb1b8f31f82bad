using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 3: ReLU forward and backward on five points.</summary>
public sealed class ReluScene : Scene
{
    public static readonly float[] Inputs = [-2, -1, 0, 1, 2];

    public override string Name => "relu";

    public override string Title => "ReLU forward and backward on [-2, -1, 0, 1, 2]";

    public override string Fixes =>
        "the original hand-derived the gradient as a mask; here the backward is generated from the formula 'x > 0 ? x : 0', "
        + "with PyTorch's ReLU'(0) = 0, and the same kernel also runs from the output alone";

    public override void Run(SceneContext context)
    {
        var y = new float[Inputs.Length];
        Activations.Relu(Inputs, y);
        var dy = new float[Inputs.Length];
        Array.Fill(dy, 1f);
        var dx = new float[Inputs.Length];
        Activations.ReluBackward(Inputs, dy, dx);
        var dxFromOutput = new float[Inputs.Length];
        Activations.ReluBackwardFromOutput(y, dy, dxFromOutput);

        context.Table("forward-backward", "ReLU: forward, backward (dy = 1) and backward from the output y alone",
            ["x", "relu(x)", "dx = dy*relu'(x)", "dx from y"],
            Inputs.Select((x, i) => (IReadOnlyList<string>)[SceneContext.Num(x), SceneContext.Num(y[i]),
                SceneContext.Num(dx[i]), SceneContext.Num(dxFromOutput[i])]));
        var xs = Charts.Range(-2.5, 2.5, 501);
        var plot = Charts.Lines("ReLU and its generated backward (dy = 1)", "x", "relu(x), relu'(x) (dashed)", xs,
        [
            ("relu", Curves.Forward((x, output) => Activations.Relu(x, output), xs)),
            ("relu'", Curves.Derivative((x, d, g) => Activations.ReluBackward(x, d, g), xs)),
        ], dashedAfterHalf: true);
        var points = plot.Add.ScatterPoints(Inputs.Select(v => (double)v).ToArray(), dx.Select(v => (double)v).ToArray());
        points.MarkerSize = 10;
        points.LegendText = "relu' at the five inputs";
        points.Color = Charts.Palette[1];
        context.Picture("forward-backward", "ReLU and its derivative; the dots are the printed backward values", plot);
        for (int i = 0; i < Inputs.Length; i++)
        {
            context.Figure($"y[{i}]", y[i]);
            context.Figure($"dx[{i}]", dx[i]);
            context.Figure($"dxFromOutput[{i}]", dxFromOutput[i]);
        }
    }
}
