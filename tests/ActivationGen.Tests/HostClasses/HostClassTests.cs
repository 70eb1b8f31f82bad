using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Xml.Linq;
using ActivationGen.Tests.Catalog;
using Xunit;

namespace ActivationGen.Tests.HostClasses;

/// <summary>
/// The vector math picks its code by the host's instruction sets when the JIT compiles it (AVX-512's sixteen-entry
/// tables, AVX2's eight-entry ones, the 128-bit path without FMA), so a run of this assembly tests only the arm of
/// the host it runs on. CI's host has AVX-512: without this class the AVX2 + FMA arm (every Zen 1 or 2, many laptops)
/// and the 128-bit arm would ship untested. Each case reruns this assembly (but KernelInliningTests, which starts its
/// own processes per class) in a child process with the runtime's switch for the wider instruction set off, and fails
/// with the name and message of each test that failed there.
/// </summary>
public sealed class HostClassTests
{
    /// <summary>Set in the child: names the class it was started as, for <see cref="TheRuntimeHonoursTheSwitch"/>.</summary>
    internal const string ClassVariable = "ACTIVATIONGEN_HOST_CLASS";

    public static TheoryData<string, string> OtherClasses()
    {
        var classes = new TheoryData<string, string>();
        // A host without AVX2 or FMA cannot be the AVX2 class; on a host without AVX-512 this child repeats the
        // native run, which costs a minute and keeps one list of classes for every host.
        if (Avx2.IsSupported && Fma.IsSupported)
            classes.Add("avx2", "DOTNET_EnableAVX512");     // AVX2 + FMA, 256-bit vectors
        classes.Add("128-bit", "DOTNET_EnableAVX2");        // no AVX2 and, with it, no FMA
        return classes;
    }

    [Theory]
    [MemberData(nameof(OtherClasses))]
    public async Task EveryTestPassesOnTheHostClass(string hostClass, string switchName)
    {
        Assert.True(Environment.GetEnvironmentVariable(ClassVariable) is null, "a child process must not start children of its own");
        string results = Directory.CreateTempSubdirectory("activationgen-hostclass-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet",
            [
                "test", typeof(HostClassTests).Assembly.Location,
                // KernelInliningTests starts its own processes on every class; this class must not start itself.
                "--filter", $"FullyQualifiedName!~{nameof(KernelInliningTests)}&FullyQualifiedName!~{nameof(EveryTestPassesOnTheHostClass)}",
                "--logger", "trx;LogFileName=child.trx", "--results-directory", results,
            ])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment[switchName] = "0";
            start.Environment[ClassVariable] = hostClass;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
            {
                try { await process.WaitForExitAsync(timeout.Token); }
                catch (OperationCanceledException) { process.Kill(entireProcessTree: true); Assert.Fail($"the {hostClass} run did not finish in 10 minutes"); }
            }
            string console = await output + "\n" + await error;

            string trx = Path.Combine(results, "child.trx");
            Assert.True(File.Exists(trx), $"the {hostClass} run wrote no results (exit {process.ExitCode}):\n{console}");
            var outcomes = XDocument.Load(trx).Descendants()
                .Where(element => element.Name.LocalName == "UnitTestResult")
                .Select(element => (
                    Name: (string)element.Attribute("testName")!,
                    Outcome: (string)element.Attribute("outcome")!,
                    Message: element.Descendants().FirstOrDefault(child => child.Name.LocalName == "Message")?.Value ?? ""))
                .ToList();
            var failed = outcomes.Where(result => result.Outcome is not ("Passed" or "NotExecuted"))
                .Select(result => $"{result.Outcome}: {result.Name}\n    {result.Message.Split('\n')[0]}").ToList();
            Assert.True(failed.Count == 0, $"on the {hostClass} class:\n" + string.Join("\n", failed));
            Assert.Contains(outcomes, result => result.Name.EndsWith(nameof(TheRuntimeHonoursTheSwitch), StringComparison.Ordinal) && result.Outcome == "Passed");
            // The child is this assembly less KernelInliningTests and this theory: a filter that matched almost nothing
            // would pass above.
            int passed = outcomes.Count(result => result.Outcome == "Passed");
            Assert.True(passed > 500, $"the {hostClass} run passed only {passed} tests");
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            Directory.Delete(results, recursive: true);
        }
    }

    /// <summary>
    /// In the child: the runtime obeyed the switch, so that the rest of the child's tests ran the arm they were meant
    /// to (a runtime that renamed its switch would otherwise rerun this host's arm and pass unseen).
    /// </summary>
    [ChildProcessFact]
    public void TheRuntimeHonoursTheSwitch()
    {
        switch (Environment.GetEnvironmentVariable(ClassVariable))
        {
            case "avx2":
                Assert.False(Avx512F.IsSupported);
                Assert.False(Vector512.IsHardwareAccelerated);
                Assert.True(Avx2.IsSupported && Fma.IsSupported, "the AVX2 class needs a host with AVX2 and FMA");
                break;
            case "128-bit":
                Assert.False(Avx2.IsSupported);
                Assert.False(Fma.IsSupported);
                Assert.False(Vector256.IsHardwareAccelerated);
                Assert.True(Vector128.IsHardwareAccelerated);
                break;
            case var other:
                Assert.Fail($"unknown host class '{other}'");
                break;
        }
    }
}

/// <summary>A test that runs only in <see cref="HostClassTests"/>' child processes.</summary>
public sealed class ChildProcessFactAttribute : FactAttribute
{
    public ChildProcessFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(HostClassTests.ClassVariable) is null)
            Skip = "runs only in the child processes of HostClassTests";
    }
}
