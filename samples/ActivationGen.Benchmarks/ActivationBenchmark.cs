using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// Buffers and data shared by every comparison: x uniform in [−8, 8], dy uniform in [−1, 1], all allocated and
/// touched in <see cref="Setup"/> so that no page fault is timed. Every benchmark writes its result to
/// <see cref="Out"/>; <see cref="Checker"/> runs the same methods and compares <see cref="Out"/> with a double
/// reference, so what is timed is what is checked.
/// </summary>
public abstract class ActivationBenchmark
{
    /// <summary>The sizes of <see cref="N"/>: 4K, 1M and 16M floats unless <c>--sizes</c> says otherwise.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Current;

    /// <summary>Number of floats per buffer.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    /// <summary>Input.</summary>
    public float[] X = [];
    /// <summary>Upstream gradient (backward only).</summary>
    public float[] Dy = [];
    /// <summary>f(x) rounded from double (for the from-output backward).</summary>
    public float[] Y = [];
    /// <summary>The result of every benchmark.</summary>
    public float[] Out = [];
    /// <summary>Temporaries for TensorPrimitives chains.</summary>
    public float[] T1 = [], T2 = [];

    /// <summary>True for dx = dy·f′(x), false for y = f(x).</summary>
    public abstract bool IsBackward { get; }

    /// <summary>Whether <see cref="Y"/> is needed.</summary>
    protected virtual bool UsesOutput => false;

    /// <summary>f in double precision.</summary>
    public abstract double Value(double x);

    /// <summary>f′ in double precision.</summary>
    public abstract double Derivative(double x);

    /// <summary>What <see cref="Out"/>[i] should hold, in double precision.</summary>
    public double Expected(int i) => IsBackward ? Dy[i] * Derivative(X[i]) : Value(X[i]);

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12345);
        X = Allocate();
        for (int i = 0; i < N; i++)
            X[i] = (float)(random.NextDouble() * 16.0 - 8.0);
        Out = Allocate();
        Out.AsSpan().Clear();
        if (IsBackward)
        {
            Dy = Allocate();
            for (int i = 0; i < N; i++)
                Dy[i] = (float)(random.NextDouble() * 2.0 - 1.0);
        }
        if (UsesOutput)
        {
            Y = Allocate();
            for (int i = 0; i < N; i++)
                Y[i] = (float)Value(X[i]);
        }
        T1 = Allocate();
        T1.AsSpan().Clear();
        T2 = Allocate();
        T2.AsSpan().Clear();
    }

    private float[] Allocate() => GC.AllocateUninitializedArray<float>(N);

    /// <summary>The memory-bandwidth floor: read N floats, write N floats.</summary>
    [Benchmark]
    public void CopyTo() => X.AsSpan().CopyTo(Out);
}

/// <summary>y = f(x).</summary>
public abstract class ForwardBenchmark : ActivationBenchmark
{
    /// <inheritdoc/>
    public override bool IsBackward => false;
}

/// <summary>dx = dy·f′(x).</summary>
public abstract class BackwardBenchmark : ActivationBenchmark
{
    /// <inheritdoc/>
    public override bool IsBackward => true;
}
