using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ActivationGen;
using ActivationGen.Benchmarking;
using ActivationGen.Benchmarks;
using ActivationGen.Samples;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

// Usage (always -c Release; any benchmark class of this assembly, generated or hand-written, runs):
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --filter '*Silu*' [--sizes 1M] [BenchmarkDotNet options]
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --list flat
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- short    (every generated stub at 1M, short in-process job, then report)
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- report [RESULTS_DIR]   (docs/benchmarks.md and docs/benchmarks.png)
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- check [--sizes 4096]     (every stub's guard, no timing)
//   dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --gemm [--cpu-time]   (matrix product vs FMA peak, docs/gemm.md)
//   … short --nontemporal-minimum off|BYTES   (NonTemporalStores.MinimumBytes for the in-process short job)
// Without a BenchmarkDotNet --job option the quick job below is used; sizes default to each stub's own.

var rest = new List<string>(args);
string projectDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", ".."));
string artifacts = Path.Combine(projectDirectory, "BenchmarkDotNet.Artifacts");
string docs = Path.GetFullPath(Path.Combine(projectDirectory, "..", "..", "docs"));

// In process (the short job), so the setting reaches the timed calls: `off` stores every output through the caches.
if (Take("--nontemporal-minimum") is string minimum)
    NonTemporalSetting.Apply(minimum);

if (Take("--sizes") is string sizes)
    Environment.SetEnvironmentVariable(BenchmarkData.SizesVariable, string.Join(",", BenchmarkData.ParseSizes(sizes)));

switch (rest.FirstOrDefault())
{
    case "report":
        return Report.Run(rest.Count > 1 ? rest[1] : Path.Combine(artifacts, "results"), docs, Report.ReportCommand + " (over the results of an earlier run)");
    case "check":
        return StubCheck.Run() ? 0 : 1;
    case "gemm":
    case "--gemm":
        rest.RemoveAt(0);
        return GemmSuite.Run(rest.ToArray());
    case "short":
        rest.RemoveAt(0);
        return RunShort();
    default:
        return RunSwitcher(rest, QuickJob());
}

int RunShort()
{
    // Sized to finish the whole catalog in under ten minutes on two shared cores: one size, a short job, in-process.
    if (Environment.GetEnvironmentVariable(BenchmarkData.SizesVariable) is null)
        Environment.SetEnvironmentVariable(BenchmarkData.SizesVariable, "1M");
    bool filtered = rest.Contains("--filter") || rest.Contains("-f");
    if (!filtered)
        rest.AddRange(["--filter", "ActivationGen.Benchmarks.Generated.*"]);
    string results = Path.Combine(artifacts, "results");
    if (Directory.Exists(results))
        Directory.Delete(results, recursive: true);
    var job = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(2)
        .WithIterationCount(5)
        .WithIterationTime(TimeInterval.FromMilliseconds(100))
        // The timed calls take microseconds to milliseconds: the empty-call overhead (nanoseconds) is not worth its seconds.
        .WithEvaluateOverhead(false)
        .WithId("Short");
    int code = RunSwitcher(rest, job);
    // A filtered run measures a few rows: rewriting docs/benchmarks.md from them would drop every other row.
    if (filtered)
    {
        Console.WriteLine($"Filtered run: docs/benchmarks.md left as it is; `report {results}` writes a report of these rows.");
        return code;
    }
    // A stub whose guard threw has no row; the others are still reported, and the exit code says it.
    int reported = Report.Run(results, docs, Report.ShortCommand);
    return code != 0 ? code : reported;
}

int RunSwitcher(List<string> arguments, Job? job)
{
    IConfig config = DefaultConfig.Instance
        .WithArtifactsPath(artifacts)
        .AddColumn(StatisticColumn.Median)
        .AddExporter(JsonExporter.Brief)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
    bool hasJob = arguments.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
    if (!hasJob && job is not null)
        config = config.AddJob(job);
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(TensorChains).Assembly).Run(arguments.ToArray(), config);
    // A guard that throws in [GlobalSetup] marks its benchmarks as failed: the run says so.
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}

static Job QuickJob() => Job.Default
    // Sized for a shared 2-core machine: one launch, 3 warmups, 5 measured iterations of about 250 ms.
    .WithLaunchCount(1)
    .WithWarmupCount(3)
    .WithIterationCount(5)
    .WithIterationTime(TimeInterval.FromMilliseconds(250))
    .WithGcServer(false)
    .WithGcConcurrent(false)
    .WithId("Quick");

string? Take(string name)
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
