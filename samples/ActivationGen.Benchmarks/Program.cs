using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Benchmarks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

// Usage (always -c Release):
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --check [--sizes 4096,1M] [--filter-check Swish]
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --filter '*' [--sizes 1M] [BenchmarkDotNet options]
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --summarize BenchmarkDotNet.Artifacts/results
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --gemm [--cpu-time]   (matrix product vs FMA peak, docs/gemm.md)
// Without a BenchmarkDotNet --job option the suite runs with the quick job below (about 13 minutes for everything on 2 cores).

var rest = new List<string>(args);

string? TakeValue(string name)
{
    int i = rest.IndexOf(name);
    if (i < 0)
        return null;
    if (i + 1 >= rest.Count)
        throw new ArgumentException($"{name} needs a value.");
    string value = rest[i + 1];
    rest.RemoveRange(i, 2);
    return value;
}

bool TakeFlag(string name) => rest.Remove(name);

if (TakeValue("--sizes") is string sizes)
    Environment.SetEnvironmentVariable(BenchmarkSizes.EnvironmentVariable, string.Join(",", BenchmarkSizes.Parse(sizes)));

if (TakeValue("--summarize") is string resultsDirectory)
    return ActivationGen.Benchmarks.Summary.Run(resultsDirectory);

if (TakeFlag("--gemm"))
    return GemmSuite.Run(rest.ToArray());

string? checkFilter = TakeValue("--filter-check");
if (TakeFlag("--check"))
    return Checker.Run(BenchmarkSizes.Current, checkFilter) ? 0 : 1;

// Before timing anything, a quick agreement check at 4K so that a wrong kernel never gets a timing.
if (!TakeFlag("--no-check"))
{
    var quiet = Console.Out;
    Console.SetOut(System.IO.TextWriter.Null);
    bool agreed = Checker.Run([4096], null);
    Console.SetOut(quiet);
    if (!agreed)
    {
        Console.Error.WriteLine("The kernels disagree with the references at N=4096; run with --check to see which. Not timing.");
        return 1;
    }
}

IConfig config = DefaultConfig.Instance
    .AddColumn(StatisticColumn.Median)
    .AddExporter(JsonExporter.Brief)
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));

bool hasJob = rest.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
if (!hasJob)
{
    // Sized for a shared 2-core machine: one launch, 3 warmups, 5 measured iterations of about 250 ms.
    config = config.AddJob(Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(3)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithGcServer(false)
        .WithGcConcurrent(false)
        .WithId("Quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(ActivationBenchmark).Assembly).Run(rest.ToArray(), config);
return 0;
