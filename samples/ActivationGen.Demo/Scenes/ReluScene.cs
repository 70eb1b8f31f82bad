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
        for (int i = 0; i < Inputs.Length; i++)
        {
            context.Figure($"y[{i}]", y[i]);
            context.Figure($"dx[{i}]", dx[i]);
            context.Figure($"dxFromOutput[{i}]", dxFromOutput[i]);
        }
    }
}
