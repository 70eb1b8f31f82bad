using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 11: three activations in a recurrent layer, with the hidden states' statistics recorded at every step.</summary>
public sealed class RnnScene : Scene
{
    public const int Batch = 32, Steps = 100, InputSize = 8, Hidden = 16;

    public override string Name => "rnn";

    public override string Title => $"hard tanh, time-aware and gated activations in a recurrent layer ({Steps} steps, batch {Batch})";

    public override string Fixes =>
        "the original ran its recurrent loop but never recorded the hidden states; here the statistics of every step are kept, "
        + "tabulated and plotted";

    public override void Run(SceneContext context)
    {
        var random = new Random(11);
        var input = new Tensor<float>(Batch, Steps, InputSize);
        foreach (ref float v in input.Span)
            v = (float)Sampling.Normal(random);
        // Irregular sampling: each sample's clock advances by 0.05 to 0.15 per step; t is the time since the sequence began.
        var times = new Tensor<float>(Batch, Steps);
        for (int b = 0; b < Batch; b++)
        {
            double clock = 0;
            for (int s = 0; s < Steps; s++)
                times.Span[b * Steps + s] = (float)(clock += 0.05 + 0.1 * random.NextDouble());
        }

        context.Figure("min time last step", Enumerable.Range(0, Batch).Min(b => times.Span[b * Steps + Steps - 1]));

        var hardTanh = new RecurrentCell<float, Activations.HardTanhActivation>(InputSize, Hidden, new Random(1), name: "hardtanh");
        var timeAware = new RecurrentCell<float, SequenceActivations.TimeDecayTanhActivation>(InputSize, Hidden, new Random(1),
            RecurrentInput.Time, name: "time") { ElapsedTimes = times };
        var gated = new RecurrentCell<float, SequenceActivations.GatedActivation>(InputSize, Hidden, new Random(1),
            RecurrentInput.PreviousState, name: "gated");
        var cells = new (string Name, string Formula, Func<int, HiddenStateStatistics> Statistics, ILayer<float> Layer)[]
        {
            ("hard tanh", Activations.HardTanhActivation.Info.Formula, s => hardTanh.StatisticsAt(s), hardTanh),
            ("time-aware", SequenceActivations.TimeDecayTanhActivation.Info.Formula, s => timeAware.StatisticsAt(s), timeAware),
            ("gated", SequenceActivations.GatedActivation.Info.Formula, s => gated.StatisticsAt(s), gated),
        };
        foreach (var cell in cells)
            cell.Layer.Forward(input);

        var stats = cells.Select(c => Enumerable.Range(0, Steps).Select(c.Statistics).ToArray()).ToArray();
        int[] shown = [0, 9, 49, 99];
        context.Table("states", $"Hidden-state statistics over batch x units ({Batch} x {Hidden}) at a few steps",
            ["cell", "formula", .. shown.Select(s => $"step {s + 1} mean / std / [min, max]")],
            cells.Select((c, i) => (IReadOnlyList<string>)[c.Name, c.Formula,
                .. shown.Select(s => $"{SceneContext.Num(stats[i][s].Mean, "F3")} / {SceneContext.Num(stats[i][s].StandardDeviation, "F3")} / "
                    + $"[{SceneContext.Num(stats[i][s].Minimum, "F2")}, {SceneContext.Num(stats[i][s].Maximum, "F2")}]")]));
        for (int i = 0; i < cells.Length; i++)
        {
            context.Figure($"max |h| {cells[i].Name}", stats[i].Max(s => Math.Max(Math.Abs(s.Minimum), Math.Abs(s.Maximum))));
            context.Figure($"std first {cells[i].Name}", stats[i][0].StandardDeviation);
            context.Figure($"std last {cells[i].Name}", stats[i][^1].StandardDeviation);
            context.Figure($"steps recorded {cells[i].Name}", stats[i].Length);
            context.Figure($"max |h| last {cells[i].Name}", Math.Max(Math.Abs(stats[i][^1].Minimum), Math.Abs(stats[i][^1].Maximum)));
        }

        var xs = Enumerable.Range(1, Steps).Select(s => (double)s).ToArray();
        var plot = Charts.Lines("Hidden states over time: standard deviation (solid) and mean (dashed)", "step", "hidden state", xs,
            cells.Select((c, i) => (c.Name + " std", stats[i].Select(s => s.StandardDeviation).ToArray()))
                .Concat(cells.Select((c, i) => (c.Name + " mean", stats[i].Select(s => s.Mean).ToArray()))),
            dashedAfterHalf: true);
        Charts.Legend(plot, ScottPlot.Alignment.UpperRight);
        plot.Axes.SetLimitsY(-0.2, 1.25);
        context.Picture("states", "Statistics of the hidden states at every step", plot);
    }
}
