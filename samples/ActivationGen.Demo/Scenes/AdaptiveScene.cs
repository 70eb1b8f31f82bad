using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 9: a regression through a layer whose activation alpha·x·σ(beta·x) learns its own alpha and beta per unit.</summary>
public sealed class AdaptiveScene : Scene
{
    public const int Units = 16, Samples = 256;

    public override string Name => "adaptive";

    public override string Title => "trainable alpha * x * sigmoid(beta * x) regression with per-unit alpha and beta";

    public override string Fixes =>
        "the original updated alpha and beta with the batch mean of a per-element gradient (wrong per unit); "
        + "here each unit's gradient is the exact sum over the batch, checked against finite differences of the loss";

    /// <summary>The target curve: smooth, with a kink-free asymmetry the adaptive shape can fit.</summary>
    public static double Target(double x) => Math.Sin(1.5 * x) + 0.3 * x;

    public override void Run(SceneContext context)
    {
        CheckGradient(context);

        int epochs = context.Quick ? 60 : 600;
        var random = new Random(9);
        var xs = Enumerable.Range(0, Samples).Select(i => -3 + 6.0 * i / (Samples - 1)).ToArray();
        var input = new Tensor<float>(xs.Select(x => (float)x).ToArray(), Samples, 1);
        var target = new Tensor<float>(xs.Select(x => (float)Target(x)).ToArray(), Samples, 1);
        var hidden = new Dense<float, AdaptiveActivations.AdaptiveActivation>(1, Units, random, name: "adaptive");
        var network = new Sequential<float>(hidden, new Dense<float, Identity<float>>(Units, 1, random, init: WeightInit.Xavier, name: "out"));
        var loss = new MeanSquaredError<float>();
        var optimizer = new Adam<float>(network.Parameters, learningRate: 0.02);
        var progress = new Progress(context, "adaptive", epochs);
        var curve = new double[epochs];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.ZeroGradients();
            curve[epoch] = loss.Forward(network.Forward(input), target);
            network.Backward(loss.Backward());
            optimizer.Step();
            if ((epoch + 1) % (epochs / 6) == 0)
                progress.Epoch(epoch + 1, $"loss {curve[epoch]:0.00000}");
        }
        context.Figure("first loss", curve[0]);
        context.Figure("last loss", curve[^1]);

        var alpha = hidden.ActivationParameters[0];
        var beta = hidden.ActivationParameters[1];
        context.Table("parameters", $"Learned per-unit parameters of the hidden layer (all started at alpha = 1, beta = 1)",
            ["unit", alpha.Name, beta.Name],
            Enumerable.Range(0, Units).Select(u => (IReadOnlyList<string>)[u.ToString(), SceneContext.Num(alpha.Value[u], "F4"), SceneContext.Num(beta.Value[u], "F4")]));
        context.Figure("alpha spread", alpha.Value.Max() - alpha.Value.Min());
        context.Figure("beta spread", beta.Value.Max() - beta.Value.Min());
        context.Figure("non-finite parameters", alpha.Value.Concat(beta.Value).Count(v => !float.IsFinite(v)));

        var epochsAxis = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        var lossPlot = Charts.Lines("Adaptive activation regression: training loss", "epoch", "log10 mean squared error", epochsAxis,
            [("loss", curve.Select(Math.Log10).ToArray())]);
        Charts.Legend(lossPlot, ScottPlot.Alignment.UpperRight);
        context.Picture("loss", "Loss curve of the adaptive-activation regression", lossPlot);

        var fit = network.Forward(input).Span.ToArray().Select(v => (double)v).ToArray();
        var fitPlot = Charts.Lines("Fit after training", "x", "y", xs, [("target sin(1.5x) + 0.3x", xs.Select(Target).ToArray()), ("network", fit)]);
        context.Picture("fit", "The trained network against the target", fitPlot);
    }

    /// <summary>
    /// The layer's gradient for each unit's alpha and beta against central finite differences of the loss, in double:
    /// the per-unit sum over the batch, not a batch mean.
    /// </summary>
    private static void CheckGradient(SceneContext context)
    {
        const int units = 4, batch = 8;
        var random = new Random(99);
        var layer = new Dense<double, AdaptiveActivations.AdaptiveDoubleActivation>(1, units, random, name: "check");
        var input = new Tensor<double>(Enumerable.Range(0, batch).Select(i => -2 + 4.0 * i / (batch - 1)).ToArray(), batch, 1);
        var weights = Enumerable.Range(0, units).Select(u => 0.5 + u).ToArray();
        // loss = Σ_b Σ_u w_u·y[b, u]: its gradient with respect to y is w_u for every sample.
        double Loss()
        {
            var y = layer.Forward(input).Span;
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
                sum += weights[i % units] * y[i];
            return sum;
        }
        layer.Forward(input);
        var dy = new Tensor<double>(Enumerable.Range(0, batch * units).Select(i => weights[i % units]).ToArray(), batch, units);
        foreach (var p in layer.Parameters)
            p.ZeroGradient();
        layer.Backward(dy);

        var rows = new List<IReadOnlyList<string>>();
        double worst = 0;
        foreach (var parameter in layer.ActivationParameters)
        {
            for (int u = 0; u < units; u++)
            {
                const double h = 1e-6;
                double saved = parameter.Value[u];
                parameter.Value[u] = saved + h;
                double up = Loss();
                parameter.Value[u] = saved - h;
                double down = Loss();
                parameter.Value[u] = saved;
                double numeric = (up - down) / (2 * h);
                double error = Math.Abs(parameter.Gradient[u] - numeric) / Math.Max(1e-6, Math.Abs(numeric));
                worst = Math.Max(worst, error);
                rows.Add([parameter.Name, u.ToString(), SceneContext.Num(parameter.Gradient[u], "G8"), SceneContext.Num(numeric, "G8"), SceneContext.Num(error, "E2")]);
            }
        }
        context.Table("gradient-check", $"Per-unit activation gradients of a double Dense layer (batch {batch}) against central finite differences of the loss",
            ["parameter", "unit", "layer gradient", "finite difference", "rel. error"], rows);
        context.Figure("gradient worst", worst);
    }
}
