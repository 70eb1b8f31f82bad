using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ActivationGen;

/// <summary>
/// Opt-in multi-core execution of the generated span members. Off by default: set
/// <see cref="MinimumLength"/> and every generated span member splits spans at least that long across
/// <see cref="MaxDegree"/> threads (the caller included), without allocating per call.
/// </summary>
/// <example><code>Parallelism.MinimumLength = 1 &lt;&lt; 20; // split spans of a million elements or more</code></example>
public static class Parallelism
{
    private static int minimumLength = int.MaxValue;
    private static int maxDegree = Environment.ProcessorCount;

    /// <summary>Spans at least this long are split across threads; <see cref="int.MaxValue"/> (the default) turns splitting off.</summary>
    public static int MinimumLength
    {
        get => minimumLength;
        set => minimumLength = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>Most threads one call uses, the calling thread included; defaults to the processor count.</summary>
    public static int MaxDegree
    {
        get => maxDegree;
        set => maxDegree = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>Whether a span of <paramref name="length"/> elements is split; generated code asks this first.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool ShouldSplit(int length) => length >= minimumLength && maxDegree > 1;

    /// <summary>Runs <paramref name="job"/> over [0, <paramref name="length"/>) in chunks on the worker threads and the caller.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe void Run<TJob>(int length, ref TJob job)
        where TJob : IChunkedJob, allows ref struct
    {
        // The caller's frame outlives the call (it waits for every chunk), so workers may use the job in place.
        WorkerPool.Run(length, Unsafe.AsPointer(ref job), &Invoke<TJob>, maxDegree);
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="target"/> atomically (chunks sum their gradients into one job).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Add(ref double target, double value)
    {
        double seen = Volatile.Read(ref target);
        while (true)
        {
            double found = Interlocked.CompareExchange(ref target, seen + value, seen);
            if (found.Equals(seen))
                return;
            seen = found;
        }
    }

    private static unsafe void Invoke<TJob>(void* job, int start, int length)
        where TJob : IChunkedJob, allows ref struct =>
        Unsafe.AsRef<TJob>(job).Run(start, length);
}

/// <summary>A piece of elementwise work that can run on any sub-range; generated code implements it.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IChunkedJob
{
    /// <summary>Processes elements [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    void Run(int start, int length);
}
