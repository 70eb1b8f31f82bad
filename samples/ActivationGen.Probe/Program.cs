using System;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ActivationGen.Probe;

// Small deterministic-as-possible measurements that BenchmarkDotNet cannot make or makes slowly:
//   dotnet run -c Release --project samples/ActivationGen.Probe -- first-call Silu [jit-first]   (one call of a 16M forward in a fresh process, then steady state)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- kernels [NAME]    (every catalog kernel in L1 and at 16M; see count_ops.py)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- inlining [NAME]   (kernels, then the inlines the JIT declined in their span loops)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- inlining-check    (every span loop at every width: those that ran out of JIT locals or budget)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- layer-inlining [LAYER]  (a dense layer per activation, the sequence layers: fused loops that ran out of JIT locals or budget; LAYER as listed, e.g. "Dense<Silu>")
//   dotnet run -c Release --project samples/ActivationGen.Probe -- math              (ns/element of the float vector math per width, in L1)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- bounds            (vector FMA/add throughput and CopyTo bandwidth: the cost model's limits)
// Each figure is the minimum over many repetitions, which a loaded machine disturbs least.
// Run with DOTNET_EnableAVX512=0 for the AVX2 host class (.NET 10's name; DOTNET_EnableAVX512F is no longer read).
// PROBE_NONTEMPORAL_MINIMUM=off|BYTES sets NonTemporalStores.MinimumBytes, to time the 16M rows both ways.

Console.WriteLine($"# {Environment.ProcessorCount} cores, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, Vector256.IsHardwareAccelerated = {Vector256.IsHardwareAccelerated}, "
    + $"Avx512F = {Avx512F.IsSupported}, Avx2 = {Avx2.IsSupported}, Fma = {Fma.IsSupported}");
if (Environment.GetEnvironmentVariable("PROBE_NONTEMPORAL_MINIMUM") is { } minimum)
{
    ActivationGen.Samples.NonTemporalSetting.Apply(minimum);
    Console.WriteLine($"# NonTemporalStores.MinimumBytes = {minimum}");
}
switch (args.Length > 0 ? args[0] : "")
{
    case "first-call":
        return FirstCall.Run(args.Length > 1 ? args[1] : "Silu", jitFirst: args.Length > 2 && args[2] == "jit-first");
    case "kernels":
        Kernels.Run(args.Length > 1 ? args[1] : null);
        return 0;
    case "inlining":
        return Inlining.Timed(args.Length > 1 ? args[1] : null);
    case "inlining-check":
        return Inlining.Check();
    case "layer-inlining":
        return LayerInlining.Run(args.Length > 1 ? args[1] : null);
    case "math":
        MathThroughput.Run();
        return 0;
    case "bounds":
        Bounds.Run();
        return 0;
    default:
        Console.Error.WriteLine("usage: first-call NAME [jit-first] | kernels [NAME] | inlining [NAME] | inlining-check | layer-inlining [LAYER] | math | bounds");
        return 2;
}
