using System;
using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The calling thread's CPU time (Linux CLOCK_THREAD_CPUTIME_ID) as a BenchmarkDotNet clock: on a machine shared with
/// other builds, time the benchmark thread spends preempted is not counted. Cache contention still is.
/// </summary>
public sealed class ThreadCpuClock : IClock
{
    private const int ThreadCpuTimeId = 3;

    public static readonly ThreadCpuClock Instance = new();

    public string Title => "Thread CPU time";
    public bool IsAvailable => OperatingSystem.IsLinux();
    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (clock_gettime(ThreadCpuTimeId, out TimeSpec now) != 0)
            throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return now.Seconds * 1_000_000_000L + now.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out TimeSpec time);
}
