using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Every span loop of the catalog compiles with its kernel inlined, at every vector width and on each host class this
/// machine can be. When the JIT runs out of locals or budget partway through a kernel it leaves calls to the vector
/// operators in the hot loop, 6–15× slower, and no result shows it. The probe's <c>inlining-check</c> compiles every
/// span loop in a process of its own (in the test runner the JIT's events are lost among the runner's) and prints each
/// inline that ran out of room.
/// </summary>
public sealed class KernelInliningTests
{
    public static TheoryData<string> HostClasses => new()
    {
        "",                         // this host as it is
        "DOTNET_EnableAVX512=0",    // the AVX2 + FMA class
        "DOTNET_EnableAVX2=0",      // 128-bit vectors without FMA
    };

    [Theory]
    [MemberData(nameof(HostClasses))]
    public void EverySpanLoopInlinesItsKernel(string environment)
    {
        var output = RunProbe(environment);
        Assert.Contains(output, line => line.StartsWith("compiled ", StringComparison.Ordinal) && !line.StartsWith("compiled 0 ", StringComparison.Ordinal));
        // A loop may call its whole kernel per vector (CALL) only where it writes two outputs: that kernel, all of it
        // inlined inside, is then still cheaper than the forward and backward it replaces (see the probe's Inlining).
        var unexpected = output
            .Where(line => line.StartsWith("FAIL ", StringComparison.Ordinal) || line.StartsWith("ERROR ", StringComparison.Ordinal)
                || (line.StartsWith("CALL ", StringComparison.Ordinal) && !line.Contains(".RunForwardWithDerivative <- ", StringComparison.Ordinal)))
            .ToList();
        Assert.True(unexpected.Count == 0, "inlines that ran out of room in span loops:\n" + string.Join("\n", unexpected));
    }

    private static List<string> RunProbe(string environment)
    {
        var start = new ProcessStartInfo("dotnet", [ProbePath(), "inlining-check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (environment.Length > 0)
        {
            var (name, value) = (environment[..environment.IndexOf('=')], environment[(environment.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        while (process.StandardOutput.ReadLine() is { } line)
            lines.Add(line);
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), "the probe did not finish");
        Assert.True(process.ExitCode == 0, $"the probe exited with {process.ExitCode}: {error.Result}");
        return lines;
    }

    /// <summary>The probe built beside this test assembly's configuration (the project reference builds it first).</summary>
    private static string ProbePath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        string configuration = here.Parent!.Name; // …/bin/<configuration>/net10.0/
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ActivationGen.sln")))
            root = root.Parent;
        Assert.NotNull(root);
        string path = Path.Combine(root.FullName, "samples", "ActivationGen.Probe", "bin", configuration, "net10.0", "ActivationGen.Probe.dll");
        Assert.True(File.Exists(path), $"no probe at {path}");
        return path;
    }
}
