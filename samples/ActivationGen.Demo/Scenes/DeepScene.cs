using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 10: the activations of deep networks and their generated derivatives.</summary>
public sealed class DeepScene : Scene
{
    public override string Name => "deep";

    public override string Title => "swish, mish, snake and GELU with their generated derivatives";

    public override string Fixes =>
        "the original plotted np.gradient of sampled curves (a finite-difference estimate, wrong at the grid's ends); "
        + "here each derivative is the generated analytic backward";

    private static readonly (string Name, SpanForward Forward, SpanBackward Backward)[] Entries =
    [
        ("swish (beta 1)", (x, y) => Activations.Swish(x, y, 1f), (x, dy, dx) => Activations.SwishBackward(x, dy, dx, 1f)),
        ("mish", (x, y) => Activations.Mish(x, y), (x, dy, dx) => Activations.MishBackward(x, dy, dx)),
        ("snake (freq 1)", (x, y) => Activations.Snake(x, y, 1f), (x, dy, dx) => Activations.SnakeBackward(x, dy, dx, 1f)),
        ("GELU", (x, y) => Activations.Gelu(x, y), (x, dy, dx) => Activations.GeluBackward(x, dy, dx)),
    ];

    public override void Run(SceneContext context)
    {
        var xs = Charts.Range(-4, 4, 401);
        var values = Entries.Select(e => (e.Name, Curves.Forward(e.Forward, xs))).ToList();
        var slopes = Entries.Select(e => (e.Name + "'", Curves.Derivative(e.Backward, xs))).ToList();

        ActivationInfo[] infos = [Activations.SwishActivation.Info, Activations.MishActivation.Info, Activations.SnakeActivation.Info, Activations.GeluActivation.Info];
        context.Table("derivatives", "Generated derivatives (Info.Derivatives of the generated structs: the text of the XML docs)",
            ["activation", "f'(x)"],
            infos.Select(info => (IReadOnlyList<string>)[info.Name, Shorten(info.Derivatives[0])]));

        double[] probes = [-2, 0, 1, 2];
        context.Table("slopes", "f'(x) at a few points",
            ["x", .. Entries.Select(e => e.Name)],
            probes.Select(p => (IReadOnlyList<string>)[SceneContext.Num(p),
                .. Entries.Select(e => SceneContext.Num(Curves.Derivative(e.Backward, [p])[0]))]));

        var forward = Charts.Lines("Activations of deep networks", "x", "f(x)", xs, values);
        Charts.LegendOutside(forward);
        context.Picture("functions", "swish, mish, snake and GELU", forward);
        var backward = Charts.Lines("swish, mish, snake and GELU: generated derivatives", "x", "f'(x)", xs, slopes);
        Charts.LegendOutside(backward);
        context.Picture("derivatives", "Derivatives of swish, mish, snake and GELU from the generated backward kernels", backward);
        context.Figure("gelu'(0)", Activations.GeluDerivative(0f));
        context.Figure("mish'(0)", Activations.MishDerivative(0f));
        context.Figure("swish'(0)", Activations.SwishDerivative(0f, 1f));
        context.Figure("snake'(0)", Activations.SnakeDerivative(0f, 1f));
    }

    /// <summary>Mish's derivative runs to a thousand characters: the table keeps the start, <c>explain</c> prints it whole.</summary>
    private static string Shorten(string math) =>
        math.Length <= 240 ? math : math[..200] + $" ... ({math.Length} characters; explain prints it whole)";
}
