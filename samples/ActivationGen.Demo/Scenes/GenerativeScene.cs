using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 14: output activations of generative models over a latent batch, with statistics and histograms.</summary>
public sealed class GenerativeScene : Scene
{
    public const int Batch = 64, Latent = 100;

    public override string Name => "generative";

    public override string Title => $"softplus, scaled tanh, PReLU and the Gaussian gated unit over a {Batch}x{Latent} latent batch";

    public override string Fixes =>
        "the original printed a few raw outputs and no distribution; here each output's statistics are tabulated and its histogram plotted";

    public override void Run(SceneContext context)
    {
        var random = new Random(14);
        var latent = new Tensor<float>(Batch, Latent);
        foreach (ref float v in latent.Span)
            v = (float)Sampling.Normal(random);
        var z = latent.Span.ToArray();

        float[] Apply(SpanForward f)
        {
            var y = new float[z.Length];
            f(z, y);
            return y;
        }
        var glu = new GatedLinearUnit<float, SequenceActivations.GaussianGateActivation>(Latent, Latent, new Random(2), name: "gaussian-glu");
        var outputs = new (string Name, string Formula, float[] Values)[]
        {
            ("softplus", "log(1 + exp(x))", Apply((x, y) => Activations.Softplus(x, y))),
            ("scaled tanh", Activations.ScaledTanhActivation.Info.Formula, Apply((x, y) => Activations.ScaledTanh(x, y))),
            ("PReLU (a = 0.25)", Activations.PReluActivation.Info.Formula, Apply((x, y) => Activations.PRelu(x, y, 0.25f))),
            ("Gaussian gated unit", SequenceActivations.GaussianGateActivation.Info.Formula, glu.Forward(latent).Span.ToArray()),
        };

        context.Table("statistics", $"Outputs over the latent batch z ~ N(0, 1), {Batch} x {Latent}",
            ["output", "formula", "mean", "std", "min", "max", "share > 0"],
            outputs.Select(o =>
            {
                var (mean, deviation, min, max) = Sampling.Statistics(o.Values);
                double positive = o.Values.Count(v => v > 0) / (double)o.Values.Length;
                context.Figure($"mean {o.Name}", mean);
                context.Figure($"min {o.Name}", min);
                context.Figure($"max {o.Name}", max);
                context.Figure($"positive {o.Name}", positive);
                return (IReadOnlyList<string>)[o.Name, o.Formula, SceneContext.Num(mean, "F3"), SceneContext.Num(deviation, "F3"),
                    SceneContext.Num(min, "F3"), SceneContext.Num(max, "F3"), SceneContext.Num(positive, "P1")];
            }));

        const int bins = 60;
        var centres = Charts.Range(-3, 4, bins);
        var plot = Charts.Lines("Histograms of the outputs", "output value", "share of outputs per bin", centres,
            outputs.Select(o => (o.Name, Histogram(o.Values, centres))));
        Charts.Legend(plot, ScottPlot.Alignment.UpperRight);
        context.Picture("histograms", "Histograms of softplus, scaled tanh, PReLU and the Gaussian gated unit over the latent batch", plot);
    }

    /// <summary>The share of values nearest each bin centre (values outside the centres' range are left out).</summary>
    private static double[] Histogram(float[] values, double[] centres)
    {
        double width = centres[1] - centres[0];
        var counts = new double[centres.Length];
        foreach (float v in values)
        {
            int bin = (int)Math.Round((v - centres[0]) / width);
            if (bin >= 0 && bin < counts.Length)
                counts[bin]++;
        }
        return counts.Select(c => c / values.Length).ToArray();
    }
}
