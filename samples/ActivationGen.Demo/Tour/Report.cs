using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ActivationGen.Demo.Tour;

/// <summary>The one-page <c>report.md</c>: every scene's fix, tables and pictures, so the whole course shows at a glance.</summary>
public static class Report
{
    public const string FileName = "report.md";

    public static string Write(IReadOnlyList<SceneRecord> records, string outputDirectory, double seconds)
    {
        var text = new StringBuilder();
        text.AppendLine("# The ActivationGen tour");
        text.AppendLine();
        text.AppendLine($"{records.Count} scenes in {seconds:0.0} s. Each section names the original NumPy course's bug it fixes; "
            + "tables link their CSV, pictures are the PNG files beside this report.");
        text.AppendLine();
        foreach (var record in records)
        {
            var scene = record.Scene;
            text.AppendLine($"## {scene.Name}: {scene.Title}");
            text.AppendLine();
            text.AppendLine($"*Fixes the original:* {scene.Fixes}");
            text.AppendLine();
            foreach (var note in record.Notes)
                text.AppendLine(note).AppendLine();
            foreach (var table in record.Tables)
                WriteTable(text, table);
            foreach (var picture in record.Pictures)
                text.AppendLine($"![{picture.Caption}]({picture.File})").AppendLine();
        }
        string path = Path.Combine(outputDirectory, FileName);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static void WriteTable(StringBuilder text, Table table)
    {
        text.AppendLine($"{table.Caption} ([{table.File}]({table.File}))");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", table.Headers.Select(Cell)) + " |");
        text.AppendLine("|" + string.Concat(table.Headers.Select(_ => " --- |")));
        foreach (var row in table.Rows)
            text.AppendLine("| " + string.Join(" | ", row.Select(Cell)) + " |");
        text.AppendLine();
    }

    private static string Cell(string cell) => cell.Replace("|", "\\|");
}
