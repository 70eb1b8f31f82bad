using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ActivationGen.Probe;

/// <summary>One inline the JIT declined: the method being compiled, the callee, and the JIT's reason.</summary>
internal sealed record InliningFailure(string Caller, string CallerMethod, string Callee, string Reason);

/// <summary>The runtime's failed-inline events (keyword JitTracing), which arrive on a background thread.</summary>
internal sealed class InliningListener : EventListener
{
    private const EventKeywords JitTracing = (EventKeywords)0x1000;

    public ConcurrentQueue<InliningFailure> Failures { get; } = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, JitTracing);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("MethodJitInliningFailed", StringComparison.Ordinal) != true || e.Payload is null || e.PayloadNames is null)
            return;
        string Field(string name)
        {
            int i = e.PayloadNames.IndexOf(name);
            return i < 0 ? "" : e.Payload[i]?.ToString() ?? "";
        }
        Failures.Enqueue(new InliningFailure(Field("MethodBeingCompiledNamespace"), Field("MethodBeingCompiledName"),
            Field("InlineeNamespace") + "." + Field("InlineeName"), Field("FailReason")));
    }

    /// <summary>
    /// Waits until every event of what this thread compiled so far has arrived: the JIT reports on the compiling thread,
    /// in order, so the sentinel's event comes after all earlier ones. False if it does not arrive within a minute.
    /// </summary>
    public bool Drain()
    {
        Sentinel();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (Failures.Any(f => f.CallerMethod == nameof(Sentinel)))
                return true;
            Thread.Sleep(50);
        }
        return false;
    }

    // Compiled optimized at once (tier 0 does not inline), so the JIT reports declining SentinelCallee.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static int Sentinel() => SentinelCallee() + 1;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int SentinelCallee() => 1;
}
