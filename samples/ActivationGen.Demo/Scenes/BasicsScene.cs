using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 1: ReLU, sigmoid and tanh side by side.</summary>
public sealed class BasicsScene : Scene
{
    public override string Name => "basics";

    public override string Title => "ReLU, sigmoid and tanh over [-5, 5]";

    public override string Fixes =>
        "the original evaluated each curve with its own hand-written NumPy expression (np.exp overflowing for large |x|); "
        + "here every curve is the generated kernel a layer runs";

    public override void Run(SceneContext context)
    {
        var xs = Charts.Range(-5, 5, 401);
        var relu = Curves.Forward((x, y) => Activations.Relu(x, y), xs);
        var sigmoid = Curves.Forward((x, y) => Activations.Sigmoid(x, y), xs);
        var tanh = Curves.Forward((x, y) => Activations.Tanh(x, y), xs);

        double[] probes = [-5, -1, 0, 1, 5];
        context.Table("values", "f(x) at a few points (generated float kernels)",
            ["x", "ReLU", "sigmoid", "tanh"],
            probes.Select(x => (IReadOnlyList<string>)[SceneContext.Num(x), SceneContext.Num(Activations.Relu((float)x)),
                SceneContext.Num(Activations.Sigmoid((float)x)), SceneContext.Num(Activations.Tanh((float)x))]));

        var plot = Charts.Lines("ReLU, sigmoid and tanh", "x", "f(x)", xs, [("ReLU", relu), ("sigmoid", sigmoid), ("tanh", tanh)]);
        plot.Axes.SetLimits(-5, 5, -1.2, 5.2);
        context.Picture("curves", "ReLU, sigmoid and tanh over [-5, 5]", plot);
        context.Figure("sigmoid(0)", Activations.Sigmoid(0f));
        context.Figure("tanh(5)", Activations.Tanh(5f));
    }
}
