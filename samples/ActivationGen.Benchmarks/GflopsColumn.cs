using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkSummary = BenchmarkDotNet.Reports.Summary;
using BenchmarkDotNet.Running;

namespace ActivationGen.Benchmarks;

/// <summary>Billions of floating-point operations per second at the median time, for the product and the FMA peak.</summary>
public sealed class GflopsColumn : IColumn
{
    public string Id => nameof(GflopsColumn);
    public string ColumnName => "GFLOPS";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Floating-point operations per second at the median, in billions";

    public bool IsAvailable(BenchmarkSummary summary) => true;
    public bool IsDefault(BenchmarkSummary summary, BenchmarkCase benchmarkCase) => false;
    public string GetValue(BenchmarkSummary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(BenchmarkSummary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Of(summary, benchmarkCase) is double gflops ? gflops.ToString("F1", CultureInfo.InvariantCulture) : "-";

    /// <summary>The GFLOPS of one case at its median, or null when it has no result or is not a flop-counted benchmark.</summary>
    public static double? Of(BenchmarkSummary summary, BenchmarkCase benchmarkCase)
    {
        double? medianNs = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? flops = Flops(benchmarkCase);
        return medianNs is double ns && flops is double f ? f / ns : null;
    }

    private static double? Flops(BenchmarkCase benchmarkCase)
    {
        Type type = benchmarkCase.Descriptor.Type;
        if (!type.IsGenericType)
            return null;
        Type definition = type.GetGenericTypeDefinition();
        Type element = type.GetGenericArguments()[0];
        if (definition == typeof(GemmBenchmarks<>))
            return GemmBenchmarks<float>.Flops(Convert.ToInt32(benchmarkCase.Parameters["N"], CultureInfo.InvariantCulture));
        if (definition == typeof(FmaPeakBenchmarks<>))
            return element == typeof(float) ? FmaPeakBenchmarks<float>.Flops : FmaPeakBenchmarks<double>.Flops;
        return null;
    }
}
