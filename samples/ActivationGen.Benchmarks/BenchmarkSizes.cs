using System;
using System.Collections.Generic;
using System.Linq;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The values of N. Issue 3 asks for 4K, 1M and 16M floats; <c>--sizes 1048576</c> (or the environment variable
/// <c>ACTIVATIONGEN_BENCH_SIZES</c>, which benchmark child processes inherit) narrows a quick run.
/// </summary>
public static class BenchmarkSizes
{
    public const string EnvironmentVariable = "ACTIVATIONGEN_BENCH_SIZES";
    public static readonly int[] Default = [4096, 1048576, 16777216];

    public static IReadOnlyList<int> Current
    {
        get
        {
            string? text = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(text) ? Default : Parse(text);
        }
    }

    public static int[] Parse(string text) =>
        text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => ParseOne(s.Trim()))
            .ToArray();

    private static int ParseOne(string s)
    {
        int scale = 1;
        if (s.EndsWith('K') || s.EndsWith('k')) { scale = 1024; s = s[..^1]; }
        else if (s.EndsWith('M') || s.EndsWith('m')) { scale = 1024 * 1024; s = s[..^1]; }
        int n = checked(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) * scale);
        if (n <= 0)
            throw new ArgumentException($"A size must be positive: '{s}'.");
        return n;
    }
}
