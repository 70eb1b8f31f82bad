using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ScottPlot;

namespace ActivationGen.Demo.Plotting;

/// <summary>The tour's charts: one look for every picture, and the shipped font registered before any text is drawn.</summary>
public static class Charts
{
    public const int Width = 800;
    public const int Height = 480;
    public const string FontName = "DejaVu Sans";

    private static readonly object Gate = new();
    private static bool registered;

    /// <summary>
    /// Registers the font shipped beside the tour (samples/Fonts/DejaVuSans.ttf) as ScottPlot's default: without
    /// it, a machine with no system fonts gets charts with no labels.
    /// </summary>
    public static void RegisterFont()
    {
        lock (Gate)
        {
            if (registered)
                return;
            string path = Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf");
            Fonts.AddFontFile(FontName, path, bold: false, italic: false);
            Fonts.AddFontFile(FontName, path, bold: true, italic: false);
            Fonts.Default = FontName;
            registered = true;
        }
    }

    /// <summary>A new plot with a title and axis labels, in the shipped font.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        RegisterFont();
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 15);
        plot.YLabel(yLabel, size: 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        return plot;
    }

    /// <summary>One line per series over shared x values, with a legend.</summary>
    public static Plot Lines(string title, string xLabel, string yLabel, double[] xs, IEnumerable<(string Name, double[] Ys)> series, bool dashedAfterHalf = false)
    {
        var plot = New(title, xLabel, yLabel);
        var list = series.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            var line = plot.Add.ScatterLine(xs, list[i].Ys);
            line.LegendText = list[i].Name;
            line.LineWidth = 2.5f;
            line.Color = Palette[(dashedAfterHalf ? i % (list.Count / 2) : i) % Palette.Length];
            if (dashedAfterHalf && i >= list.Count / 2)
                line.LinePattern = LinePattern.Dashed;
        }
        Legend(plot);
        return plot;
    }

    public static void Legend(Plot plot, Alignment where = Alignment.UpperLeft)
    {
        plot.ShowLegend(where);
        plot.Legend.FontSize = 14;
        plot.Legend.FontName = FontName;
    }

    /// <summary>The legend beside the plot, for curves that fill the whole data area.</summary>
    public static void LegendOutside(Plot plot)
    {
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 14;
        plot.Legend.FontName = FontName;
    }

    /// <summary>Evenly spaced points from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static double[] Range(double from, double to, int count) =>
        Enumerable.Range(0, count).Select(i => from + (to - from) * i / (count - 1)).ToArray();

    /// <summary>A palette that stays distinct for the colour-blind (Okabe–Ito).</summary>
    public static readonly Color[] Palette =
    [
        Color.FromHex("#0072B2"), Color.FromHex("#D55E00"), Color.FromHex("#009E73"), Color.FromHex("#CC79A7"),
        Color.FromHex("#E69F00"), Color.FromHex("#56B4E9"), Color.FromHex("#000000"), Color.FromHex("#7F7F7F"),
    ];
}
