using System.IO;

namespace ActivationGen.Layers.Tests;

public class DigitsDatasetTests
{
    internal static string DataPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");

    [Fact]
    public void The_committed_copy_has_the_published_class_counts()
    {
        DigitsDataset digits = DigitsDataset.Load(DataPath);
        Assert.Equal(1797, digits.Count);
        // scikit-learn's load_digits documentation: ~180 per class; these are the exact counts of its copy.
        int[] counts = new int[10];
        foreach (int label in digits.Labels)
            counts[label]++;
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], counts);
        Assert.Equal(16, digits.Pixels.ToArray().Max());
    }

    [Fact]
    public void Split_is_seeded_disjoint_and_complete()
    {
        DigitsDataset digits = DigitsDataset.Load(DataPath);
        var (train, test) = digits.Split(0.8, seed: 42);
        Assert.Equal(1438, train.Length);
        Assert.Equal(1797, train.Concat(test).Distinct().Count());
        Assert.Equal(train, digits.Split(0.8, seed: 42).Train);
        Assert.NotEqual(train, digits.Split(0.8, seed: 43).Train);
    }

    [Fact]
    public void Gather_scales_pixels_to_the_unit_interval()
    {
        var digits = DigitsDataset.Parse(new StringReader(string.Join(",", Enumerable.Range(0, 64).Select(i => i % 17)) + ",3"), "one");
        var images = new float[64];
        var labels = new int[1];
        digits.Gather<float>([0], images, labels);
        Assert.Equal(3, labels[0]);
        Assert.Equal(16 / 16f, images[16]);
        Assert.Equal(5 / 16f, images[5]);
    }

    [Theory]
    [InlineData("64 values", 2, "65")]
    [InlineData("pixel 17", 3, "outside 0..16")]
    [InlineData("label x", 2, "not an integer")]
    [InlineData("label 10", 3, "outside 0..9")]
    public void A_malformed_line_is_rejected_with_its_number(string problem, int line, string message)
    {
        string good = string.Join(",", Enumerable.Repeat("0", 64)) + ",1";
        string bad = problem switch
        {
            "64 values" => string.Join(",", Enumerable.Repeat("0", 64)),
            "pixel 17" => "17," + string.Join(",", Enumerable.Repeat("0", 63)) + ",1",
            "label x" => string.Join(",", Enumerable.Repeat("0", 64)) + ",x",
            "label 10" => string.Join(",", Enumerable.Repeat("0", 64)) + ",10",
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };
        string text = line == 2 ? $"{good}\n{bad}\n{good}" : $"{good}\n{good}\n{bad}";
        var error = Assert.Throws<InvalidDataException>(() => DigitsDataset.Parse(new StringReader(text), "digits.csv"));
        Assert.Contains($"digits.csv line {line}:", error.Message);
        Assert.Contains(message, error.Message);
    }
}
