using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ActivationGen.Benchmarking;
using static ActivationGen.Benchmarks.Report;

namespace ActivationGen.Benchmarks;

/// <summary>The rows of one stub, with the ratios of the report: to the scalar loop, to TensorPrimitives, to CopyTo.</summary>
public sealed class ActivationTable(BenchmarkedActivation info, IReadOnlyList<Row> rows)
{
    private IReadOnlyList<Row> Rows { get; } = rows;

    public BenchmarkedActivation Info { get; } = info;

    public static ActivationTable From(BenchmarkedActivation info, IEnumerable<Row> rows) =>
        new(info, rows.OrderBy(r => r.N).ThenBy(r => Order(r.Method)).ThenBy(r => r.Method, StringComparer.Ordinal).ToList());

    /// <summary>The largest N that every table measured (the short run measures one).</summary>
    public static int SummarySize(IEnumerable<ActivationTable> tables) =>
        tables.Select(t => t.Rows.Select(r => r.N).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; }).DefaultIfEmpty(0).Max();

    private enum Direction { Forward, Backward, FromOutput, WithDerivative, FromDerivative, Copy }

    private static Direction DirectionOf(string method) => method switch
    {
        "CopyTo" => Direction.Copy,
        "Scalar" or "Forward" => Direction.Forward,
        "ScalarBackward" or "Backward" or "BackwardWithTrainables" => Direction.Backward,
        "BackwardFromOutput" => Direction.FromOutput,
        "WithDerivative" => Direction.WithDerivative,
        "BackwardFromDerivative" => Direction.FromDerivative,
        _ when method.StartsWith("TensorPrimitivesForward", StringComparison.Ordinal) => Direction.Forward,
        _ when method.StartsWith("TensorPrimitivesBackward", StringComparison.Ordinal) => Direction.Backward,
        _ when method.StartsWith("TensorPrimitivesFromOutput", StringComparison.Ordinal) => Direction.FromOutput,
        _ => throw new InvalidOperationException($"The report does not know row '{method}'; name comparison rows TensorPrimitivesForward…, …Backward… or …FromOutput…."),
    };

    private static int Order(string method) => Array.IndexOf(
        ["Scalar", "Forward", "ScalarBackward", "Backward", "BackwardWithTrainables", "BackwardFromOutput", "WithDerivative", "BackwardFromDerivative", "CopyTo"], method) is var i and >= 0 ? i : 10;

    /// <summary>Spans each element of the row reads and writes.</summary>
    private int Streams(Direction direction) => direction switch
    {
        Direction.Forward => Info.Inputs + 1,
        Direction.Backward => 2 * Info.Inputs + 1,
        Direction.FromOutput or Direction.FromDerivative => 3,
        Direction.WithDerivative => Info.Inputs + 2,
        Direction.Copy => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(direction)),
    };

    private double? Median(int n, Func<string, bool> pick) =>
        Rows.Where(r => r.N == n && pick(r.Method)).Select(r => (double?)r.MedianNs).DefaultIfEmpty(null).Min();

    private double? ScalarOf(int n, Direction d) => d switch
    {
        Direction.Forward => Median(n, m => m == "Scalar"),
        Direction.Backward => Median(n, m => m == "ScalarBackward"),
        _ => null,
    };

    private double? TensorPrimitivesOf(int n, Direction d) => d switch
    {
        Direction.Forward => Median(n, m => m.StartsWith("TensorPrimitivesForward", StringComparison.Ordinal)),
        Direction.Backward => Median(n, m => m.StartsWith("TensorPrimitivesBackward", StringComparison.Ordinal)),
        Direction.FromOutput => Median(n, m => m.StartsWith("TensorPrimitivesFromOutput", StringComparison.Ordinal)),
        _ => null,
    };

    /// <summary>Forward speedup over the scalar loop, over TensorPrimitives, and CopyTo's share of the time, at N.</summary>
    public (double? Scalar, double? TensorPrimitives, double? CopyShare) ForwardRatios(int n)
    {
        double? forward = Median(n, m => m == "Forward");
        return (Div(ScalarOf(n, Direction.Forward), forward), Div(TensorPrimitivesOf(n, Direction.Forward), forward),
            Div(Median(n, m => m == "CopyTo"), forward));
    }

    public void Write(StringBuilder text)
    {
        text.AppendLine($"## {Info.Declaration}");
        text.AppendLine();
        text.AppendLine($"f = `{Info.Formula}` ({(Info.ElementBytes == 8 ? "double" : "float")}, {Info.Inputs} input{(Info.Inputs == 1 ? "" : "s")})");
        text.AppendLine();
        text.AppendLine("| N | row | median | ns/elem | GB/s | × scalar | × TP | / CopyTo |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in Rows)
        {
            var direction = DirectionOf(row.Method);
            double copy = Median(row.N, m => m == "CopyTo") ?? double.NaN;
            double bytes = (double)Streams(direction) * Info.ElementBytes * row.N;
            text.AppendLine(Inv($"| {row.N:N0} | {row.Method} | {Time(row.MedianNs)} | {row.MedianNs / row.N:0.000} | {bytes / row.MedianNs:0.0} | ")
                + Inv($"{Format(Div(ScalarOf(row.N, direction), row.MedianNs))} | {Format(Div(TensorPrimitivesOf(row.N, direction), row.MedianNs))} | {Format(row.MedianNs / copy, "")} |"));
        }
        text.AppendLine();
    }

    public void WriteSummaryLine(StringBuilder text, int n)
    {
        double? forward = Median(n, m => m == "Forward"), backward = Median(n, m => m == "Backward");
        var (scalar, tp, _) = ForwardRatios(n);
        double? copy = Median(n, m => m == "CopyTo");
        text.AppendLine(Inv($"| {Info.Declaration} | {Format(forward / n, "", "0.000")} | {Format(scalar)} | {Format(tp)} | {Format(Div(forward, copy), "")} | ")
            + Inv($"{Format(backward / n, "", "0.000")} | {Format(Div(ScalarOf(n, Direction.Backward), backward))} | {Format(Div(TensorPrimitivesOf(n, Direction.Backward), backward))} |"));
    }

    private static double? Div(double? a, double? b) => a is null || b is null || b == 0 ? null : a / b;

    private static string Format(double? value, string suffix = "×", string format = "0.00") =>
        value is double v && double.IsFinite(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + suffix : "–";

    private static string Time(double ns) => ns switch
    {
        < 1e3 => Inv($"{ns:0.0} ns"),
        < 1e6 => Inv($"{ns / 1e3:0.00} µs"),
        _ => Inv($"{ns / 1e6:0.000} ms"),
    };
}
