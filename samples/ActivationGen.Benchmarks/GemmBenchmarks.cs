using System;
using System.Numerics;
using ActivationGen.Layers;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// C = A·B for N×N×N on one thread, 2N³ flops per call. Generic over the element type, so the activation suite's
/// <c>--filter '*'</c> passes it by (an open generic is not a runnable benchmark); <c>--gemm</c> runs it closed.
/// </summary>
public class GemmBenchmarks<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private T[] a = [], b = [], c = [];

    [Params(256, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        a = new T[N * N];
        b = new T[N * N];
        c = new T[N * N];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = T.CreateChecked(random.NextDouble() - 0.5);
            b[i] = T.CreateChecked(random.NextDouble() - 0.5);
        }
        Parallelism.MinimumLength = int.MaxValue;
        Gemm.Multiply<T>(a, b, c, N, N, N);
    }

    [Benchmark]
    public void Multiply() => Gemm.Multiply<T>(a, b, c, N, N, N);

    /// <summary>Floating-point operations of one call: a multiply and an add per term.</summary>
    public static double Flops(int n) => 2.0 * n * n * n;
}
