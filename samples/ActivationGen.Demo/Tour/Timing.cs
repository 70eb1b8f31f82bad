using System.Diagnostics;

namespace ActivationGen.Demo.Tour;

/// <summary>Indicative timings: warm-up runs first (so the JIT's final tier runs), then the median of repeats.</summary>
public static class Timing
{
    /// <summary>Median seconds per call of <paramref name="action"/>, after <paramref name="warmups"/> calls that are not timed.</summary>
    public static double MedianSeconds(Action action, int warmups, int repeats)
    {
        for (int i = 0; i < warmups; i++)
            action();
        var times = new double[repeats];
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }
}
