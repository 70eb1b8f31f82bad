using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// The 8×8 handwritten digits as scikit-learn ships them (<c>digits.csv.gz</c>): one image per line, 64 pixel
/// values 0..16 row-major, then the label 0..9.
/// </summary>
public sealed class DigitsDataset
{
    /// <summary>Pixels per image.</summary>
    public const int PixelCount = 64;

    /// <summary>Image height and width.</summary>
    public const int Side = 8;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>The largest pixel value.</summary>
    public const int MaxPixel = 16;

    private readonly byte[] _pixels;
    private readonly int[] _labels;

    private DigitsDataset(byte[] pixels, int[] labels)
    {
        _pixels = pixels;
        _labels = labels;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>The labels, one per image.</summary>
    public ReadOnlySpan<int> Labels => _labels;

    /// <summary>Pixel values 0..16, <see cref="PixelCount"/> per image.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels;

    /// <summary>Reads a <c>.csv</c> or gzip-compressed <c>.csv.gz</c> file.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message gives its number.</exception>
    public static DigitsDataset Load(string path)
    {
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Reads the CSV text of <paramref name="reader"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message gives its number.</exception>
    public static DigitsDataset Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pixels = new List<byte>();
        var labels = new List<int>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            string[] fields = line.Split(',');
            if (fields.Length != PixelCount + 1)
                throw Malformed(sourceName, lineNumber, $"{fields.Length} comma-separated values where {PixelCount + 1} (64 pixels, then the label) were expected");
            for (int i = 0; i < PixelCount; i++)
                pixels.Add((byte)ParseInteger(fields[i], 0, MaxPixel, sourceName, lineNumber, $"pixel {i + 1}"));
            labels.Add(ParseInteger(fields[PixelCount], 0, ClassCount - 1, sourceName, lineNumber, "the label"));
        }
        if (labels.Count == 0)
            throw new InvalidDataException($"{sourceName}: no images.");
        return new DigitsDataset([.. pixels], [.. labels]);
    }

    /// <summary>
    /// A seeded shuffle of the indices split into the first <paramref name="trainFraction"/> (training) and the rest
    /// (test). The shuffle is Fisher–Yates driven by Knuth's 64-bit linear congruential generator, spelled out here
    /// rather than taken from <see cref="Random"/> so that other languages (the PyTorch comparison script) reproduce
    /// the same split.
    /// </summary>
    public (int[] Train, int[] Test) Split(double trainFraction, int seed)
    {
        if (!(trainFraction is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The training fraction must lie in (0, 1).");
        int[] order = new int[Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        ulong state = (ulong)seed;
        for (int i = order.Length - 1; i > 0; i--)
        {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            int j = (int)(((state >> 32) * (ulong)(i + 1)) >> 32);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int trainCount = (int)Math.Round(Count * trainFraction);
        return (order[..trainCount], order[trainCount..]);
    }

    /// <summary>Writes images <paramref name="indices"/> as [n, 1, 8, 8] pixels divided by 16 into <paramref name="images"/>, their labels into <paramref name="labels"/>.</summary>
    public void Gather<T>(ReadOnlySpan<int> indices, Span<T> images, Span<int> labels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (images.Length < indices.Length * PixelCount || labels.Length < indices.Length)
            throw new ArgumentException($"{indices.Length} images need {indices.Length * PixelCount} pixel slots and {indices.Length} label slots.", nameof(images));
        T scale = T.One / T.CreateChecked(MaxPixel);
        for (int n = 0; n < indices.Length; n++)
        {
            ReadOnlySpan<byte> source = _pixels.AsSpan(indices[n] * PixelCount, PixelCount);
            Span<T> target = images.Slice(n * PixelCount, PixelCount);
            for (int i = 0; i < PixelCount; i++)
                target[i] = T.CreateChecked(source[i]) * scale;
            labels[n] = _labels[indices[n]];
        }
    }

    private static int ParseInteger(string field, int min, int max, string sourceName, int lineNumber, string what)
    {
        if (!double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value != Math.Floor(value))
            throw Malformed(sourceName, lineNumber, $"{what} is '{field}', not an integer");
        if (value < min || value > max)
            throw Malformed(sourceName, lineNumber, $"{what} is {field}, outside {min}..{max}");
        return (int)value;
    }

    private static InvalidDataException Malformed(string sourceName, int lineNumber, string problem) =>
        new($"{sourceName} line {lineNumber}: {problem}.");
}
