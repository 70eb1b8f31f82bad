using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 12: self-attention with tanh and ReLU projections and a GELU output; the attention map as a heat map.</summary>
public sealed class AttentionScene : Scene
{
    public const int Batch = 2, Steps = 16, Hidden = 16;

    public override string Name => "attention";

    public override string Title => "self-attention with tanh/ReLU projections and a GELU output: the attention map";

    public override string Fixes =>
        "the original called np.relu, which NumPy does not have (the scene crashed); here the projections use the generated "
        + "tanh and ReLU kernels in the layers' epilogues and the output the generated GELU";

    public override void Run(SceneContext context)
    {
        // A sequence with structure: each feature a sinusoid of the position, so nearby positions look alike.
        var random = new Random(12);
        var input = new Tensor<float>(Batch, Steps, Hidden);
        var span = input.Span;
        for (int b = 0; b < Batch; b++)
            for (int s = 0; s < Steps; s++)
                for (int d = 0; d < Hidden; d++)
                    span[(b * Steps + s) * Hidden + d] = (float)(3 * Math.Sin(s * (0.2 + 0.1 * d) + b) + 0.1 * Sampling.Normal(random));

        var tanh = new SelfAttention<float, Activations.TanhActivation, Activations.GeluActivation>(Hidden, new Random(4), name: "tanh-attention");
        var relu = new SelfAttention<float, Activations.ReluActivation, Activations.GeluActivation>(Hidden, new Random(4), name: "relu-attention");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, forward, map) in new (string, Func<Tensor<float>>, Func<Tensor<float>>)[]
        {
            ("tanh projections", () => tanh.Forward(input), () => tanh.AttentionMap),
            ("ReLU projections", () => relu.Forward(input), () => relu.AttentionMap),
        })
        {
            var output = forward();
            var attention = map();
            var (mean, deviation, min, max) = Sampling.Statistics(output.Span);
            double rowError = RowSumError(attention.Span, Steps);
            double peak = attention.Span.ToArray().Max();
            rows.Add([name, output.ShapeText, attention.ShapeText, SceneContext.Num(mean, "F3"), SceneContext.Num(deviation, "F3"),
                SceneContext.Num(min, "F3"), SceneContext.Num(peak, "F3"), SceneContext.Num(rowError, "E1")]);
            context.Figure($"row sum error {name}", rowError);
            context.Figure($"output min {name}", min);
            context.Figure($"output max {name}", max);
            context.Figure($"attention min {name}", attention.Span.ToArray().Min());
            context.Figure($"attention max {name}", peak);
            if (name.StartsWith("tanh", StringComparison.Ordinal))
                HeatMap(context, attention.Span[..(Steps * Steps)].ToArray());
        }
        context.Table("attention", $"Self-attention over [{Batch}, {Steps}, {Hidden}]: GELU outputs (min >= -0.17, GELU's minimum) and the attention map (rows sum to 1)",
            ["projections", "output", "map", "output mean", "output std", "output min", "largest weight", "max |row sum - 1|"], rows);
    }

    private static double RowSumError(ReadOnlySpan<float> map, int length)
    {
        double worst = 0;
        for (int row = 0; row < map.Length / length; row++)
        {
            double sum = 0;
            foreach (float p in map.Slice(row * length, length))
                sum += p;
            worst = Math.Max(worst, Math.Abs(sum - 1));
        }
        return worst;
    }

    private static void HeatMap(SceneContext context, float[] map)
    {
        var grid = new double[Steps, Steps];
        for (int q = 0; q < Steps; q++)
            for (int k = 0; k < Steps; k++)
                grid[Steps - 1 - q, k] = map[q * Steps + k];   // the heat map draws row 0 at the top; query 0 goes at the bottom, at y = 0
        var plot = Charts.New("Attention map, sample 0 (tanh projections)", "key position", "query position");
        var heat = plot.Add.Heatmap(grid);
        heat.Colormap = new ScottPlot.Colormaps.Viridis();
        plot.Axes.SetLimits(-0.5, Steps - 0.5, -0.5, Steps - 0.5);
        var bar = plot.Add.ColorBar(heat);
        bar.Label = "attention weight";
        bar.LabelStyle.FontSize = 14;
        context.Picture("map", "Attention map of sample 0: each row (query) is a distribution over the keys", plot, 640, 560);
    }
}
