using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>--summarize DIR</c>: reads BenchmarkDotNet's <c>*-report-brief.json</c> files and prints, in markdown, the
/// machine, the speedups of the generated kernels from the medians, and the "Done when" targets of issue 3.
/// </summary>
public static class Summary
{
    private sealed record Row(string Type, string Method, int N, double MedianNs);

    public static int Run(string directory)
    {
        string[] files = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*-report-brief.json")
            : [];
        if (files.Length == 0)
        {
            Console.Error.WriteLine($"No *-report-brief.json under {directory}.");
            return 1;
        }
        var rows = new List<Row>();
        JsonElement? host = null;
        foreach (string file in files.OrderBy(f => f, StringComparer.Ordinal))
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.TryGetProperty("HostEnvironmentInfo", out JsonElement h))
                host ??= h.Clone();
            foreach (JsonElement b in doc.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                if (!b.TryGetProperty("Statistics", out JsonElement stats) || stats.ValueKind != JsonValueKind.Object)
                    continue;
                string parameters = b.GetProperty("Parameters").GetString() ?? "";
                int n = int.Parse(parameters.Split('&').First(p => p.StartsWith("N=", StringComparison.Ordinal))[2..], CultureInfo.InvariantCulture);
                rows.Add(new Row(b.GetProperty("Type").GetString()!, b.GetProperty("Method").GetString()!, n, stats.GetProperty("Median").GetDouble()));
            }
        }

        if (host is JsonElement env)
        {
            Console.WriteLine("### Machine (BenchmarkDotNet host environment)");
            Console.WriteLine();
            foreach (string key in new[] { "BenchmarkDotNetCaption", "BenchmarkDotNetVersion", "OsVersion", "ProcessorName", "PhysicalCoreCount", "LogicalCoreCount", "RuntimeVersion", "Architecture", "DotNetCliVersion" })
                if (env.TryGetProperty(key, out JsonElement v))
                    Console.WriteLine($"- {key}: {v}");
            Console.WriteLine();
        }

        Console.WriteLine("### Generated kernel vs. the alternatives (medians; speedup = other / generated, >1 means the generated kernel is faster)");
        Console.WriteLine();
        Console.WriteLine("| benchmark | N | generated | × vs MathF loop | × vs TensorPrimitives call | × vs best TensorPrimitives chain | generated / CopyTo |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var group in rows.GroupBy(r => (r.Type, r.N)).OrderBy(g => Rank(g.Key.Type)).ThenBy(g => g.Key.N))
        {
            double? Get(Func<string, bool> pick) =>
                group.Where(r => pick(r.Method)).Select(r => (double?)r.MedianNs).DefaultIfEmpty(null).Min();
            double? gen = Get(m => m == "Generated");
            if (gen is null)
                continue;
            double? scalar = Get(m => m == "ScalarMathF");
            double? call = Get(m => m == "TensorPrimitivesCall");
            double? chain = Get(m => m.StartsWith("TensorPrimitivesChain", StringComparison.Ordinal) && !m.EndsWith("FromOutput", StringComparison.Ordinal));
            double? copy = Get(m => m == "CopyTo");
            Console.WriteLine($"| {group.Key.Type} | {group.Key.N} | {Time(gen.Value)} | {Speedup(scalar, gen)} | {Speedup(call, gen)} | {Speedup(chain, gen)} | {Ratio(gen, copy)} |");
            double? genOut = Get(m => m == "GeneratedFromOutput");
            if (genOut is not null)
            {
                double? chainOut = Get(m => m == "TensorPrimitivesChainFromOutput");
                Console.WriteLine($"| {group.Key.Type} (from output) | {group.Key.N} | {Time(genOut.Value)} | – | – | {Speedup(chainOut, genOut)} | {Ratio(genOut, copy)} |");
            }
        }
        Console.WriteLine();

        Console.WriteLine("### Issue 3 targets");
        Console.WriteLine();
        Console.WriteLine("| target | measured | result |");
        Console.WriteLine("| --- | ---: | --- |");
        const int M1 = 1048576, M16 = 16777216;
        double? Median(string type, int n, Func<string, bool> pick) =>
            rows.Where(r => r.Type == type && r.N == n && pick(r.Method)).Select(r => (double?)r.MedianNs).DefaultIfEmpty(null).Min();
        void Target(string text, double? measured, double bound, bool atLeast)
        {
            string result = measured is null ? "not measured" : (atLeast ? measured >= bound : measured <= bound) ? "pass" : "**FAIL**";
            Console.WriteLine($"| {text} | {(measured is null ? "–" : measured.Value.ToString("0.00", CultureInfo.InvariantCulture) + "×")} | {result} |");
        }
        bool IsChain(string m) => m.StartsWith("TensorPrimitivesChain", StringComparison.Ordinal) && !m.EndsWith("FromOutput", StringComparison.Ordinal);
        foreach (string a in new[] { "Sigmoid", "Tanh" })
            Target($"1M {a} forward ≥ 1.3× TensorPrimitives.{a}", Div(Median(a + "Forward", M1, m => m == "TensorPrimitivesCall"), Median(a + "Forward", M1, m => m == "Generated")), 1.3, true);
        foreach (string a in new[] { "Swish", "GeluTanh", "Mish", "Softplus" })
            Target($"1M {a} forward ≥ 2× the best TensorPrimitives chain", Div(Median(a + "Forward", M1, IsChain), Median(a + "Forward", M1, m => m == "Generated")), 2, true);
        foreach (string a in Order)
            Target($"1M {a} forward ≥ 6× the scalar MathF loop", Div(Median(a + "Forward", M1, m => m == "ScalarMathF"), Median(a + "Forward", M1, m => m == "Generated")), 6, true);
        Target("1M Swish backward ≥ 2.5× its TensorPrimitives chain", Div(Median("SwishBackward", M1, IsChain), Median("SwishBackward", M1, m => m == "Generated")), 2.5, true);
        foreach (string a in new[] { "Sigmoid", "Swish" })
            Target($"16M {a} forward ≤ 1.25× Span.CopyTo (time ratio)", Div(Median(a + "Forward", M16, m => m == "Generated"), Median(a + "Forward", M16, m => m == "CopyTo")), 1.25, false);
        return 0;
    }

    private static readonly string[] Order = ["Swish", "GeluTanh", "Mish", "Softplus", "Sigmoid", "Tanh"];

    private static int Rank(string type)
    {
        bool backward = type.EndsWith("Backward", StringComparison.Ordinal);
        string name = type.Replace("Forward", "").Replace("Backward", "");
        return (backward ? 100 : 0) + Array.IndexOf(Order, name);
    }

    private static double? Div(double? a, double? b) => a is null || b is null ? null : a / b;

    private static string Speedup(double? other, double? gen) =>
        Div(other, gen) is double s ? s.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Ratio(double? gen, double? copy) =>
        Div(gen, copy) is double s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    private static string Time(double ns) => ns switch
    {
        < 1e3 => (ns).ToString("0.0", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (ns / 1e3).ToString("0.00", CultureInfo.InvariantCulture) + " µs",
        _ => (ns / 1e6).ToString("0.000", CultureInfo.InvariantCulture) + " ms",
    };
}
