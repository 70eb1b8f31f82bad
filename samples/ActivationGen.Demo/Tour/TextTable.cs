using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ActivationGen.Demo.Tour;

/// <summary>A plain aligned text table: readable in any terminal and in a captured test log.</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, string caption, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        // Numbers align right, text left.
        var numeric = headers.Select((_, i) => i > 0 && rows.All(r => IsNumber(r[i]))).ToArray();
        string Row(IReadOnlyList<string> cells) => "  " + string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();
        writer.WriteLine(caption);
        writer.WriteLine(Row(headers));
        writer.WriteLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
            writer.WriteLine(Row(row));
        writer.WriteLine();
    }

    private static bool IsNumber(string cell) =>
        double.TryParse(cell.TrimEnd('%', ' '), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
}
