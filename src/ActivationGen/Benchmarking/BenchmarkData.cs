using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Benchmarking;

/// <summary>
/// Sizes and buffers of the generated benchmark stubs: inputs from a fixed seed, every page touched before
/// timing. Generated code calls these; they are public only for that.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BenchmarkData
{
    /// <summary>
    /// Overrides every stub's sizes at run time ("1M", "4096,1M"), so a short run needs no rebuild; benchmark
    /// child processes inherit it.
    /// </summary>
    public const string SizesVariable = "ACTIVATIONGEN_BENCH_SIZES";

    /// <summary>The seed of every stub's data, so that two runs time the same numbers.</summary>
    public const int Seed = 20240917;

    /// <summary>The declared sizes, unless <see cref="SizesVariable"/> is set.</summary>
    public static IEnumerable<int> Sizes(params int[] declared)
    {
        string? text = Environment.GetEnvironmentVariable(SizesVariable);
        return string.IsNullOrWhiteSpace(text) ? declared : ParseSizes(text);
    }

    /// <summary>"4096, 1M, 16M" → 4096, 1048576, 16777216 (K and M are binary).</summary>
    public static int[] ParseSizes(string text) =>
        text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToArray();

    private static int ParseSize(string s)
    {
        int scale = 1;
        if (s.EndsWith('K') || s.EndsWith('k'))
            (scale, s) = (1 << 10, s[..^1]);
        else if (s.EndsWith('M') || s.EndsWith('m'))
            (scale, s) = (1 << 20, s[..^1]);
        int n = checked(int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture) * scale);
        return n > 0 ? n : throw new ArgumentException($"A size must be positive: '{s}'.");
    }

    /// <summary>Uniform values in [<paramref name="min"/>, <paramref name="max"/>), drawn from <paramref name="random"/>.</summary>
    public static T[] Uniform<T>(Random random, int length, double min, double max) where T : struct, IFloatingPoint<T>
    {
        var values = GC.AllocateUninitializedArray<T>(length);
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating(min + (max - min) * random.NextDouble());
        return values;
    }

    /// <summary>A zeroed buffer whose pages are all written once, so the first timed write does not fault.</summary>
    public static T[] Touched<T>(int length) where T : struct
    {
        var values = GC.AllocateUninitializedArray<T>(length);
        values.AsSpan().Clear();
        return values;
    }
}
