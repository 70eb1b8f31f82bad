using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ActivationGen.Demo.Plotting;

namespace ActivationGen.Demo.Tour;

/// <summary>Where a scene writes: the console, the output folder, and the record the report is made from.</summary>
public sealed class SceneContext(TextWriter console, string outputDirectory, bool quick, SceneRecord record)
{
    public TextWriter Console { get; } = console;

    public string OutputDirectory { get; } = outputDirectory;

    /// <summary>Smaller sizes and fewer epochs, for the tests.</summary>
    public bool Quick { get; } = quick;

    public SceneRecord Record { get; } = record;

    public void Line(string text = "") => Console.WriteLine(text);

    /// <summary>A line for both the console and the report.</summary>
    public void Note(string text)
    {
        Console.WriteLine(text);
        Record.Notes.Add(text);
    }

    /// <summary>Keeps a figure for the tests and the report (not printed: the scene prints it in context).</summary>
    public void Figure(string name, double value) => Record.Figures[name] = value;

    /// <summary>Prints an aligned table, writes it as CSV, and keeps it for the report.</summary>
    public Table Table(string name, string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        string file = $"{Record.Scene.Name}-{name}.csv";
        File.WriteAllLines(Path.Combine(OutputDirectory, file),
            new[] { headers }.Concat(list).Select(r => string.Join(",", r.Select(Csv))));
        var table = new Table(name, caption, headers, list, file);
        Record.Tables.Add(table);
        TextTable.Write(Console, caption, headers, list);
        return table;
    }

    /// <summary>Saves a chart as PNG in the output folder and keeps it for the report.</summary>
    public Picture Picture(string name, string caption, ScottPlot.Plot plot, int width = Charts.Width, int height = Charts.Height)
    {
        string file = $"{Record.Scene.Name}-{name}.png";
        plot.SavePng(Path.Combine(OutputDirectory, file), width, height);
        var picture = new Picture(caption, file, width, height);
        Record.Pictures.Add(picture);
        Console.WriteLine($"  picture: {Path.Combine(OutputDirectory, file)}");
        return picture;
    }

    /// <summary>A number as the tables print it: invariant culture, 6 significant digits unless told.</summary>
    public static string Num(double value, string format = "G6") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Csv(string cell) => cell.Contains(',') || cell.Contains('"') ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
