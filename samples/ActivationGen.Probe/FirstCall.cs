using System;
using System.Diagnostics;
using System.Linq;

namespace ActivationGen.Probe;

/// <summary>The first call of a 16M forward (what a user timing one call sees) against the steady state.</summary>
internal static class FirstCall
{
    private const int Length = 1 << 24;

    public static int Run(string name, bool jitFirst)
    {
        Action<float[], float[]>? forward = name switch
        {
            "Silu" => (x, y) => Activations.Silu(x, y),
            "Gelu" => (x, y) => Activations.Gelu(x, y),
            "GeluTanh" => (x, y) => Activations.GeluTanh(x, y),
            "Mish" => (x, y) => Activations.Mish(x, y),
            "Sigmoid" => (x, y) => Activations.Sigmoid(x, y),
            "Tanh" => (x, y) => Activations.Tanh(x, y),
            "Softplus" => (x, y) => Activations.Softplus(x, y),
            "Elu" => (x, y) => Activations.Elu(x, y),
            "Relu" => (x, y) => Activations.Relu(x, y),
            _ => null,
        };
        if (forward is null)
        {
            Console.Error.WriteLine($"unknown activation {name}");
            return 2;
        }
        var random = new Random(1);
        float[] x = Enumerable.Range(0, Length).Select(_ => (float)(random.NextDouble() * 16 - 8)).ToArray();
        float[] y = new float[Length];
        // Touch the output once so that page faults are not charged to the first call.
        y.AsSpan().Fill(1f);

        // Mode "jit-first": a 64-element call first, so the 16M call's time is execution alone (tier-0 code and
        // on-stack replacement included, the JIT's compile time of the loop excluded where it compiled it fully).
        double small = 0;
        if (jitFirst)
        {
            long s0 = Stopwatch.GetTimestamp();
            forward(x[..64], y[..64]);
            small = Stopwatch.GetElapsedTime(s0).TotalMilliseconds;
        }
        long start = Stopwatch.GetTimestamp();
        forward(x, y);
        double first = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        var steady = new double[30];
        for (int i = 0; i < steady.Length; i++)
        {
            start = Stopwatch.GetTimestamp();
            forward(x, y);
            steady[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(steady);
        double median = steady[steady.Length / 2];
        Console.WriteLine($"{name} 16M forward: {(jitFirst ? $"64-element call {small:F1} ms, then " : "")}first 16M call {first:F1} ms, steady min {steady[0]:F2} ms (median {median:F1}), first/min {first / steady[0]:F1}");
        return 0;
    }
}
