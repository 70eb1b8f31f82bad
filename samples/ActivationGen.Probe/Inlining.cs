using System;
using System.Linq;

namespace ActivationGen.Probe;

/// <summary>
/// The inlines the JIT declined in the catalog's span loops. A span loop whose kernel is not inlined whole runs calls
/// to vector operators in its hot loop (6–15× slower); KernelInliningTests runs <c>inlining-check</c> on both host classes.
/// </summary>
internal static class Inlining
{
    // Inlines that fail for lack of room, as opposed to by design (slow paths kept out of line, cold throw helpers).
    private static readonly string[] BudgetReasons = ["too many locals", "inline exceeds budget"];

    /// <summary>Times the kernels (as <c>kernels</c>) and then lists every declined inline into their span loops.</summary>
    public static int Timed(string? filter)
    {
        using var listener = new InliningListener();
        Kernels.Run(filter);
        return Report(listener, budgetOnly: false);
    }

    /// <summary>Compiles every span loop of the catalog at each width and lists those that ran out of room.</summary>
    public static int Check()
    {
        using var listener = new InliningListener();
        var catalog = Kernels.Catalog().ToList();
        // 32, 16, 8, 4 and 1 elements run the widest accelerated loop that fits: a pair of vectors where the kernel takes
        // one (32 on AVX-512, 16 on AVX2, 8 at 128 bits), then Vec512, Vec256, Vec128 and Vec1.
        foreach (int n in new[] { 32, 16, 8, 4, 1 })
        {
            float[] a = Enumerable.Repeat(0.5f, n).ToArray(), b = a.ToArray(), c = new float[n];
            foreach (var (_, forward, backward, fromOutput) in catalog)
            {
                forward(a, c);
                backward?.Invoke(a, b, c);
                fromOutput?.Invoke(a, b, c);
            }
        }
        int members = catalog.Sum(k => 1 + (k.Backward is null ? 0 : 1) + (k.FromOutput is null ? 0 : 1));
        Console.WriteLine($"compiled {members} span members at 4 lengths");
        return Report(listener, budgetOnly: true);
    }

    private static int Report(InliningListener listener, bool budgetOnly)
    {
        if (!listener.Drain())
        {
            Console.WriteLine("ERROR the JIT's inlining events did not arrive");
            return 1;
        }
        var lines = listener.Failures
            .Where(f => f.Caller.Contains("ActivationGen_Activations_") && f.CallerMethod.StartsWith("Run", StringComparison.Ordinal))
            .Where(f => !budgetOnly || BudgetReasons.Contains(f.Reason))
            .Select(f => $"FAIL {Short(f.Caller)}.{f.CallerMethod} <- {Short(f.Callee)}: {f.Reason}")
            .GroupBy(line => line)
            .Select(g => $"{g.Key} (x{g.Count()})");
        foreach (var line in lines)
            Console.WriteLine(line);
        return 0;
    }

    /// <summary>A generated kernel class's name without its file-local prefix: SigmoidKernels.</summary>
    private static string Short(string name) => name.Contains("__", StringComparison.Ordinal) ? name[(name.LastIndexOf("__", StringComparison.Ordinal) + 2)..] : name;
}
