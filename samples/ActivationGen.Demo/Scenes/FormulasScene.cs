using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 2: leaky ReLU and ELU, each with its generated derivative in readable math.</summary>
public sealed class FormulasScene : Scene
{
    public override string Name => "formulas";

    public override string Title => "leaky ReLU and ELU: formula, generated derivative, plot";

    public override string Fixes =>
        "the original typed each derivative by hand next to its function (and could let them drift apart); "
        + "here the derivative is the generator's, printed from the same core that emits the kernel";

    public override void Run(SceneContext context)
    {
        // What the generated structs say about themselves: the same text as the generated XML docs.
        var leaky = Activations.LeakyReluActivation.Info;
        var elu = Activations.EluActivation.Info;
        context.Table("derivatives", "Formulas and their generated derivatives",
            ["activation", "f(x)", "f'(x)", "f'(x) from y = f(x)"],
            [
                ["LeakyRelu (slope = 0.01)", leaky.Formula, leaky.Derivatives[0], leaky.BackwardFromOutput ?? "none"],
                ["Elu (alpha = 1)", elu.Formula, elu.Derivatives[0], elu.BackwardFromOutput ?? "none"],
            ]);

        var xs = Charts.Range(-3, 3, 301);
        // A visible slope: 0.01 would draw the negative side flat.
        const float slope = 0.1f;
        var leakyY = Curves.Forward((x, y) => Activations.LeakyRelu(x, y, slope), xs);
        var leakyD = Curves.Derivative((x, dy, dx) => Activations.LeakyReluBackward(x, dy, dx, slope), xs);
        var eluY = Curves.Forward((x, y) => Activations.Elu(x, y), xs);
        var eluD = Curves.Derivative((x, dy, dx) => Activations.EluBackward(x, dy, dx), xs);
        var plot = Charts.Lines("Leaky ReLU (slope 0.1) and ELU (alpha 1) with derivatives", "x", "f(x), f'(x) (dashed)", xs,
            [("leaky ReLU", leakyY), ("ELU", eluY), ("leaky ReLU'", leakyD), ("ELU'", eluD)], dashedAfterHalf: true);
        context.Picture("leaky-elu", "Leaky ReLU and ELU with their generated derivatives", plot);
        context.Figure("elu'(-1)", Activations.EluDerivative(-1f));
        context.Figure("leaky'(-1)", Activations.LeakyReluDerivative(-1f, slope));
    }
}
