using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace ActivationGen.Benchmarks;

/// <summary>
/// docs/benchmarks.png: per activation, the span forward's speedup over the scalar loop and over TensorPrimitives,
/// and CopyTo's time as a share of the forward's (1 = at the memory-bandwidth floor), on a log scale.
/// ScottPlot draws no text on a machine without fonts, so the chart uses the DejaVu Sans shipped in samples/Fonts.
/// </summary>
public static class Chart
{
    private const string FontName = "DejaVu Sans";

    public static void Write(IReadOnlyList<ActivationTable> tables, string path)
    {
        Fonts.AddFontFile(FontName, Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf"));
        int n = ActivationTable.SummarySize(tables);
        var plot = new Plot();
        plot.Font.Set(FontName);
        var series = new (string Legend, Color Color, Func<ActivationTable, double?> Value)[]
        {
            ("forward, × scalar loop", Colors.SteelBlue, t => t.ForwardRatios(n).Scalar),
            ("forward, × TensorPrimitives", Colors.DarkOrange, t => t.ForwardRatios(n).TensorPrimitives),
            ("CopyTo time / forward time", Colors.Gray, t => t.ForwardRatios(n).CopyShare),
        };
        const int Stride = 4;
        for (int s = 0; s < series.Length; s++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < tables.Count; i++)
                if (series[s].Value(tables[i]) is double ratio && ratio > 0)
                    bars.Add(new Bar { Position = i * Stride + s, Value = Math.Log10(ratio), FillColor = series[s].Color });
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Legend;
        }
        plot.Axes.Bottom.SetTicks(
            tables.Select((_, i) => (double)(i * Stride + 1)).ToArray(),
            tables.Select(t => t.Info.Declaration.Split('.').Last()).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 60;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.MinimumSize = 150; // room for the rotated names
        double[] ratios = [0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];
        plot.Axes.Left.SetTicks(ratios.Select(Math.Log10).ToArray(), ratios.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture) + "×").ToArray());
        plot.Axes.Left.Label.Text = "ratio (log scale)";
        plot.Title($"Generated span forward at N = {n:N0} (higher is better)");
        plot.ShowLegend(Edge.Right);
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 1800, 800);
    }
}
