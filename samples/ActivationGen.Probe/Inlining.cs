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
    internal static readonly string[] BudgetReasons = ["too many locals", "inline exceeds budget"];

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
        // 32, 16, 8, 4 and 1 elements stored normally run the widest accelerated loop that fits: a pair of vectors where the kernel takes
        // one (32 on AVX-512, 16 on AVX2, 8 at 128 bits), then Vec512, Vec256, Vec128 and Vec1.
        foreach (int n in new[] { 32, 16, 8, 4, 1 })
        {
            float[] a = Enumerable.Repeat(0.5f, n).ToArray(), b = a.ToArray(), c = new float[n];
            foreach (var (_, forward, backward, fromOutput, withDerivative) in catalog)
            {
                forward(a, c);
                backward?.Invoke(a, b, c);
                fromOutput?.Invoke(a, b, c);
                withDerivative?.Invoke(a, c, b);
            }
        }
        // The loops that store past the caches are instantiations of their own; their body, whole 128-byte chunks, runs
        // at the widest width (a pair where the kernel takes one).
        long minimumBytes = NonTemporalStores.MinimumBytes;
        NonTemporalStores.MinimumBytes = 1;
        {
            float[] a = Enumerable.Repeat(0.5f, 96).ToArray(), b = a.ToArray(), c = new float[96];
            foreach (var (_, forward, backward, fromOutput, withDerivative) in catalog)
            {
                forward(a, c);
                backward?.Invoke(a, b, c);
                fromOutput?.Invoke(a, b, c);
                withDerivative?.Invoke(a, c, b);
            }
        }
        NonTemporalStores.MinimumBytes = minimumBytes;
        int members = catalog.Sum(k => 1 + (k.Backward is null ? 0 : 1) + (k.FromOutput is null ? 0 : 1) + (k.WithDerivative is null ? 0 : 1));
        Console.WriteLine($"compiled {members} span members at 5 lengths, and stored past the caches");
        return Report(listener, budgetOnly: true);
    }

    private static int Report(InliningListener listener, bool budgetOnly)
    {
        if (!listener.Drain())
        {
            Console.WriteLine("ERROR the JIT's inlining events did not arrive");
            return 1;
        }
        // A span loop, or a kernel compiled on its own because its loop could not take it whole.
        var lines = listener.Failures
            .Where(f => f.Caller.Contains("ActivationGen_Activations_") && (f.CallerMethod.StartsWith("Run", StringComparison.Ordinal) || KernelMethods.Contains(f.CallerMethod)))
            .Where(f => !budgetOnly || BudgetReasons.Contains(f.Reason))
            .Select(f => $"{(IsWholeKernel(f) ? "CALL" : "FAIL")} {Short(f.Caller)}.{f.CallerMethod} <- {Short(f.Callee)}: {f.Reason}")
            .GroupBy(line => line)
            .Select(g => $"{g.Key} (x{g.Count()})");
        foreach (var line in lines)
            Console.WriteLine(line);
        return 0;
    }

    private static readonly string[] KernelMethods = ["Forward", "Backward", "BackwardWithTrainables", "BackwardFromOutput", "ForwardWithDerivative"];

    /// <summary>
    /// The loop calls its whole kernel once per vector instead of inlining it: a call and its operands through memory,
    /// but every vector operation still inlined inside the kernel (any failure in there is listed as FAIL). Measured for
    /// TanhShrink's forward with derivative (tanh, its derivative and the small-|x| series in one kernel): 0.665
    /// ns/element in L1 against 0.72 for its forward and backward, AVX-512 class.
    /// </summary>
    private static bool IsWholeKernel(InliningFailure f) =>
        f.CallerMethod.StartsWith("Run", StringComparison.Ordinal) && Short(f.Callee) == $"{Short(f.Caller)}.{f.CallerMethod["Run".Length..]}";

    /// <summary>A generated kernel class's name without its file-local prefix: SigmoidKernels.</summary>
    private static string Short(string name) => name.Contains("__", StringComparison.Ordinal) ? name[(name.LastIndexOf("__", StringComparison.Ordinal) + 2)..] : name;
}
