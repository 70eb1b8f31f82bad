using System.Text.RegularExpressions;
using ActivationGen.Demo.Tour;
using SkiaSharp;

namespace ActivationGen.Demo.Tests;

/// <summary>What the tour as a whole prints and writes: every scene, its fix, its files and the report.</summary>
[Collection(TourCollection.Name)]
public sealed class TourOutputTests(TourFixture tour)
{
    [Fact]
    public void Every_scene_of_the_course_runs_in_order_and_names_the_bug_it_fixes()
    {
        string[] expected = ["basics", "formulas", "relu", "sigmoid", "batchnorm", "custom", "conv", "analysis", "adaptive",
            "deep", "rnn", "attention", "hardware", "generative"];
        Assert.Equal(expected, tour.Records.Select(r => r.Scene.Name));
        foreach (var record in tour.Records)
        {
            Assert.Contains($"== {record.Scene.Name}: {record.Scene.Title}", tour.Console);
            Assert.Contains($"fixes the original: {record.Scene.Fixes}", tour.Console);
            Assert.StartsWith("the original", record.Scene.Fixes);
        }
    }

    [Fact]
    public void Every_scene_writes_a_picture_and_a_table()
    {
        foreach (var record in tour.Records)
            Assert.True(record.Pictures.Count > 0 && record.Tables.Count > 0, record.Scene.Name);
    }

    [Fact]
    public void Every_picture_is_a_PNG_that_decodes_at_the_recorded_size()
    {
        var pictures = tour.Records.SelectMany(r => r.Pictures).ToList();
        Assert.NotEmpty(pictures);
        foreach (var picture in pictures)
        {
            string path = Path.Combine(tour.OutputDirectory, picture.File);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            using var bitmap = SKBitmap.Decode(bytes);
            Assert.NotNull(bitmap);
            Assert.Equal((picture.Width, picture.Height), (bitmap.Width, bitmap.Height));
            Assert.True(DistinctColours(bitmap) > 8, $"{picture.File} looks blank");
        }
    }

    [Fact]
    public void Pictures_have_text_drawn_with_the_shipped_font()
    {
        // Text makes anti-aliased grey pixels; a picture with no labels has only the few line colours and the grid.
        var picture = tour.Scene("basics").Pictures.Single();
        using var bitmap = SKBitmap.Decode(Path.Combine(tour.OutputDirectory, picture.File));
        var title = Enumerable.Range(0, 40).SelectMany(y => Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, y)));
        Assert.Contains(title, c => c.Red < 100 && c.Green < 100 && c.Blue < 100);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Fonts", "DejaVuSans.ttf")));
    }

    [Fact]
    public void Every_table_is_written_as_CSV_with_its_rows()
    {
        foreach (var table in tour.Records.SelectMany(r => r.Tables))
        {
            var lines = File.ReadAllLines(Path.Combine(tour.OutputDirectory, table.File));
            Assert.Equal(table.Rows.Count + 1, lines.Length);
        }
    }

    [Fact]
    public void The_report_links_every_picture_and_table_and_every_link_resolves()
    {
        string report = File.ReadAllText(Path.Combine(tour.OutputDirectory, Report.FileName));
        foreach (var record in tour.Records)
        {
            Assert.Contains($"## {record.Scene.Name}: ", report);
            foreach (var picture in record.Pictures)
                Assert.Contains($"![{picture.Caption}]({picture.File})", report);
            foreach (var table in record.Tables)
                Assert.Contains($"]({table.File})", report);
        }
        foreach (Match link in Regex.Matches(report, @"\]\(([^)]+)\)"))
            Assert.True(File.Exists(Path.Combine(tour.OutputDirectory, link.Groups[1].Value)), link.Value);
    }

    [Fact]
    public void Every_figure_is_finite()
    {
        foreach (var record in tour.Records)
            foreach (var (name, value) in record.Figures)
                Assert.True(double.IsFinite(value), $"{record.Scene.Name}: {name} = {value}");
        foreach (var cell in tour.Records.SelectMany(r => r.Tables).SelectMany(t => t.Rows).SelectMany(row => row))
            Assert.False(cell == "NaN" || cell.Contains('∞'), cell);
    }

    private static int DistinctColours(SKBitmap bitmap)
    {
        var colours = new HashSet<SKColor>();
        for (int y = 0; y < bitmap.Height; y += 7)
            for (int x = 0; x < bitmap.Width; x += 7)
                colours.Add(bitmap.GetPixel(x, y));
        return colours.Count;
    }
}
