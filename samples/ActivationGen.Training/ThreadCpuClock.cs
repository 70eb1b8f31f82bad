using System;
using System.Runtime.InteropServices;

namespace ActivationGen.Training;

/// <summary>
/// CPU time of the calling thread (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>, as Python's <c>time.thread_time</c>): on a
/// machine shared with other work it counts only this thread's running time, so it compares more fairly than wall time.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>True where the clock exists (Linux).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>This thread's CPU time in milliseconds, or NaN where the clock is unavailable.</summary>
    public static double Milliseconds()
    {
        if (!IsAvailable || ClockGetTime(ThreadCpuTimeId, out TimeSpec time) != 0)
            return double.NaN;
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }
}
