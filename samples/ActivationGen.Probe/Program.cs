using System;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ActivationGen.Probe;

// Small deterministic-as-possible measurements that BenchmarkDotNet cannot make or makes slowly:
//   dotnet run -c Release --project samples/ActivationGen.Probe -- first-call Silu [jit-first]   (one call of a 16M forward in a fresh process, then steady state)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- kernels [NAME]    (every catalog kernel in L1 and at 16M; see count_ops.py)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- math              (ns/element of the float vector math per width, in L1)
//   dotnet run -c Release --project samples/ActivationGen.Probe -- bounds            (vector FMA/add throughput and CopyTo bandwidth: the cost model's limits)
// Each figure is the minimum over many repetitions, which a loaded machine disturbs least.
// Run with DOTNET_EnableAVX512=0 for the AVX2 host class (.NET 10's name; DOTNET_EnableAVX512F is no longer read).

Console.WriteLine($"# {Environment.ProcessorCount} cores, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, Vector256.IsHardwareAccelerated = {Vector256.IsHardwareAccelerated}, "
    + $"Avx512F = {Avx512F.IsSupported}, Avx2 = {Avx2.IsSupported}, Fma = {Fma.IsSupported}");
switch (args.Length > 0 ? args[0] : "")
{
    case "first-call":
        return FirstCall.Run(args.Length > 1 ? args[1] : "Silu", jitFirst: args.Length > 2 && args[2] == "jit-first");
    case "kernels":
        Kernels.Run(args.Length > 1 ? args[1] : null);
        return 0;
    case "inlining":
    {
        using var listener = new InliningListener();
        Kernels.Run(args.Length > 1 ? args[1] : null);
        System.Threading.Thread.Sleep(500);
        foreach (var g in InliningListener.Failures.Where(f => f.StartsWith("Run")).GroupBy(f => f).OrderByDescending(g => g.Count()))
            Console.WriteLine($"{g.Count(),4}  {g.Key}");
        Console.WriteLine($"succeeded {InliningListener.Succeeded}");
        return 0;
    }
    case "math":
        MathThroughput.Run();
        return 0;
    case "bounds":
        Bounds.Run();
        return 0;
    default:
        Console.Error.WriteLine("usage: first-call NAME [jit-first] | kernels [NAME] | math | bounds");
        return 2;
}
