using System;
using ActivationGen.Samples;
using Perfolizer.Horology;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The calling thread's CPU time (<see cref="ThreadCpuTime"/>) as a BenchmarkDotNet clock: on a machine shared with
/// other builds, time the benchmark thread spends preempted is not counted. Cache contention still is.
/// </summary>
public sealed class ThreadCpuClock : IClock
{
    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";
    public bool IsAvailable => ThreadCpuTime.IsAvailable;
    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp() => ThreadCpuTime.Nanoseconds() is var now and >= 0
        ? now
        : throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
}
