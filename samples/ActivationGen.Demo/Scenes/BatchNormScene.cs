using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 5: batch norm with the ReLU fused into its normalize pass, in training and in inference mode.</summary>
public sealed class BatchNormScene : Scene
{
    public static readonly double[] ChannelMeans = [3, -1, 0.5, 2];
    public static readonly double[] ChannelDeviations = [2, 0.5, 1, 3];
    public const int Batch = 64;

    public override string Name => "batchnorm";

    public override string Title => "batch norm + ReLU in training and in inference mode";

    public override string Fixes =>
        "the original normalized with the running averages in both modes; here training uses the batch's statistics and "
        + "updates the running averages, and only inference uses them";

    public override void Run(SceneContext context)
    {
        int steps = context.Quick ? 40 : 200;
        int channels = ChannelMeans.Length;
        var random = new Random(5);
        var layer = new BatchNorm<float, Activations.ReluActivation>(channels, name: "bn");
        var batch = new Tensor<float>(Batch, channels);
        var runningMean = new double[steps];
        var runningVariance = new double[steps];
        Tensor<float>? firstTraining = null;
        for (int step = 0; step < steps; step++)
        {
            Fill(batch, random);
            var output = layer.Forward(batch);
            if (step == 0)
                firstTraining = Copy(output);
            runningMean[step] = layer.RunningMean[0];
            runningVariance[step] = layer.RunningVariance[0];
        }

        // Inference on a fresh batch, with the averages the training accumulated.
        Fill(batch, random);
        layer.IsTraining = false;
        var inference = Copy(layer.Forward(batch));
        // The original's way at its first step: a fresh layer's running averages (mean 0, variance 1) in training.
        var original = new BatchNorm<float, Activations.ReluActivation>(channels, name: "original") { IsTraining = false };
        var randomAgain = new Random(5);
        var firstBatch = new Tensor<float>(Batch, channels);
        Fill(firstBatch, randomAgain);
        var originalFirst = Copy(original.Forward(firstBatch));

        var rows = new List<IReadOnlyList<string>>();
        void Row(string mode, Tensor<float> output)
        {
            var (mean, deviation, _, max) = Sampling.Statistics(output.Span);
            double zeros = output.Span.ToArray().Count(v => v == 0) / (double)output.Length;
            rows.Add([mode, SceneContext.Num(mean, "F3"), SceneContext.Num(deviation, "F3"), SceneContext.Num(zeros, "P1"), SceneContext.Num(max, "F2")]);
            context.Figure($"mean {mode}", mean);
            context.Figure($"zeros {mode}", zeros);
        }
        Row("training, step 1 (batch statistics)", firstTraining!);
        Row($"inference after {steps} steps (running averages)", inference);
        Row("original: running averages while training, step 1", originalFirst);
        context.Table("modes", $"ReLU(batch norm(x)) over a batch of {Batch} x {channels} channels, x ~ N(mean_c, sd_c^2) "
            + "(ReLU of a standard normal: mean 1/sqrt(2 pi) = 0.399, half zeros)",
            ["mode", "mean", "std", "zeros", "max"], rows);

        context.Table("running", $"Running averages after {steps} training steps (momentum 0.1, unbiased variance) against the data's",
            ["channel", "running mean", "true mean", "running variance", "true variance"],
            Enumerable.Range(0, channels).Select(c => (IReadOnlyList<string>)[c.ToString(), SceneContext.Num(layer.RunningMean[c], "F3"),
                SceneContext.Num(ChannelMeans[c], "F3"), SceneContext.Num(layer.RunningVariance[c], "F3"),
                SceneContext.Num(ChannelDeviations[c] * ChannelDeviations[c], "F3")]));
        for (int c = 0; c < channels; c++)
        {
            context.Figure($"running mean {c}", layer.RunningMean[c]);
            context.Figure($"running variance {c}", layer.RunningVariance[c]);
        }

        var xs = Enumerable.Range(1, steps).Select(s => (double)s).ToArray();
        var plot = Charts.Lines("Running averages of channel 0 during training", "training step", "value", xs,
        [
            ("running mean", runningMean),
            ("running variance", runningVariance),
            ("true mean (3)", xs.Select(_ => ChannelMeans[0]).ToArray()),
            ("true variance (4)", xs.Select(_ => ChannelDeviations[0] * ChannelDeviations[0]).ToArray()),
        ], dashedAfterHalf: true);
        Charts.Legend(plot, ScottPlot.Alignment.LowerRight);
        context.Picture("running", "Running mean and variance approach the data's during training", plot);
    }

    private static void Fill(Tensor<float> batch, Random random)
    {
        int channels = ChannelMeans.Length;
        var span = batch.Span;
        for (int i = 0; i < span.Length; i++)
            span[i] = (float)(ChannelMeans[i % channels] + ChannelDeviations[i % channels] * Sampling.Normal(random));
    }

    private static Tensor<float> Copy(Tensor<float> tensor) => new(tensor.Span.ToArray(), tensor.Shape.ToArray());
}
