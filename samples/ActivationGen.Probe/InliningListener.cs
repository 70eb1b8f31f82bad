using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace ActivationGen.Probe;

/// <summary>Prints the JIT's failed inlines (and why) into methods whose name contains a filter.</summary>
internal sealed class InliningListener : EventListener
{
    public static readonly ConcurrentQueue<string> Failures = new();
    public static int Succeeded;
    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1000);
    }
    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is null || e.Payload is null) return;
        if (e.EventName.StartsWith("MethodJitInliningSucceeded")) { System.Threading.Interlocked.Increment(ref Succeeded); return; }
        if (!e.EventName.StartsWith("MethodJitInliningFailed")) return;
        var d = e.PayloadNames!.Zip(e.Payload).ToDictionary(p => p.First, p => p.Second?.ToString());
        Failures.Enqueue($"{d.GetValueOrDefault("MethodBeingCompiledName")} in {d.GetValueOrDefault("MethodBeingCompiledNamespace")} <- {d.GetValueOrDefault("InlineeNamespace")}.{d.GetValueOrDefault("InlineeName")}: {d.GetValueOrDefault("FailReason")}");
    }
}
