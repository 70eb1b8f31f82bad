using System;
using System.Runtime.InteropServices;

namespace ActivationGen.Samples;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>, as Python's <c>time.thread_time</c>): on a
/// machine shared with other work it counts only this thread's running time, so it compares more fairly than wall
/// time (cache contention still counts). One source, linked into the samples that time things.
/// </summary>
internal static class ThreadCpuTime
{
    private const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>True where the clock exists (Linux).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>This thread's CPU time in nanoseconds, or −1 where the clock is unavailable or fails.</summary>
    public static long Nanoseconds()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeId, out TimeSpec time) != 0)
            return -1;
        return time.Seconds * 1_000_000_000L + time.Nanoseconds;
    }

    /// <summary>This thread's CPU time in milliseconds, or NaN where the clock is unavailable.</summary>
    public static double Milliseconds() => Nanoseconds() is var ns and >= 0 ? ns / 1e6 : double.NaN;
}
