using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Probe;

/// <summary>The host's limits for the cost model: vector FMA, add, division and square-root throughput, and CopyTo bandwidth at 16M.</summary>
internal static class Bounds
{
    public static void Run()
    {
        if (Vector512.IsHardwareAccelerated)
        {
            Report("FMA zmm", 16, Fma512);
            Report("add zmm", 16, Add512);
            Report("divide zmm", 16, Divide512);
            Report("sqrt zmm", 16, Sqrt512);
        }
        Report("FMA ymm", 8, Fma256);
        Report("add ymm", 8, Add256);
        Report("divide ymm", 8, Divide256);
        Report("sqrt ymm", 8, Sqrt256);

        float[] source = new float[1 << 24], destination = new float[1 << 24];
        source.AsSpan().Fill(1f);
        destination.AsSpan().Fill(2f);
        double best = double.MaxValue;
        for (int i = 0; i < 40; i++)
        {
            long start = Stopwatch.GetTimestamp();
            source.AsSpan().CopyTo(destination);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
        }
        Console.WriteLine($"CopyTo 16M: {best / source.Length:F3} ns/element (min of 40)");
    }

    private static void Report(string name, int lanes, Func<int, float> kernel)
    {
        const int iterations = 1 << 16;
        kernel(1000);
        double best = double.MaxValue;
        for (int i = 0; i < 200; i++)
        {
            long start = Stopwatch.GetTimestamp();
            kernel(iterations);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
        }
        // Each iteration issues 10 independent operations.
        double perOp = best / (iterations * 10.0);
        Console.WriteLine($"{name}: {perOp:F4} ns per instruction, {perOp / lanes:F4} ns per element-operation (min of 200)");
    }

    // One method per width on the raw vector types: a generic body over IVector (Vec512/Vec256) measured 2.4× slower
    // (0.31 against 0.13 ns per FMA), since the JIT keeps the ten wrapped chains on the stack, so the bound it
    // reports would be the wrapper's, not the host's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Fma512(int n)
    {
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector512<float> m = Vector512.Create(0.999f), c = Vector512.Create(0.001f);
        for (int i = 0; i < n; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c); a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c); a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c); a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c); a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c); a9 = Vector512.FusedMultiplyAdd(a9, m, c);
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Add512(int n)
    {
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector512<float> c = Vector512.Create(0.001f);
        for (int i = 0; i < n; i++)
        {
            a0 += c; a1 += c; a2 += c; a3 += c; a4 += c; a5 += c; a6 += c; a7 += c; a8 += c; a9 += c;
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Fma256(int n)
    {
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector256<float> m = Vector256.Create(0.999f), c = Vector256.Create(0.001f);
        for (int i = 0; i < n; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, m, c); a1 = Vector256.FusedMultiplyAdd(a1, m, c);
            a2 = Vector256.FusedMultiplyAdd(a2, m, c); a3 = Vector256.FusedMultiplyAdd(a3, m, c);
            a4 = Vector256.FusedMultiplyAdd(a4, m, c); a5 = Vector256.FusedMultiplyAdd(a5, m, c);
            a6 = Vector256.FusedMultiplyAdd(a6, m, c); a7 = Vector256.FusedMultiplyAdd(a7, m, c);
            a8 = Vector256.FusedMultiplyAdd(a8, m, c); a9 = Vector256.FusedMultiplyAdd(a9, m, c);
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Add256(int n)
    {
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector256<float> c = Vector256.Create(0.001f);
        for (int i = 0; i < n; i++)
        {
            a0 += c; a1 += c; a2 += c; a3 += c; a4 += c; a5 += c; a6 += c; a7 += c; a8 += c; a9 += c;
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    // The divider: 10 independent divisions (and square roots) per iteration. The divisor and the factor keep every
    // value near 1 (no subnormals, no special cases a divider might take faster); the square root's multiply runs
    // on an FMA pipe beside it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Divide512(int n)
    {
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector512<float> d = Vector512.Create(1.0000001f);
        for (int i = 0; i < n; i++)
        {
            a0 /= d; a1 /= d; a2 /= d; a3 /= d; a4 /= d; a5 /= d; a6 /= d; a7 /= d; a8 /= d; a9 /= d;
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Sqrt512(int n)
    {
        Vector512<float> a0 = Vector512.Create(2f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector512<float> m = Vector512.Create(1.5f);
        for (int i = 0; i < n; i++)
        {
            a0 = Vector512.Sqrt(a0) * m; a1 = Vector512.Sqrt(a1) * m; a2 = Vector512.Sqrt(a2) * m; a3 = Vector512.Sqrt(a3) * m;
            a4 = Vector512.Sqrt(a4) * m; a5 = Vector512.Sqrt(a5) * m; a6 = Vector512.Sqrt(a6) * m; a7 = Vector512.Sqrt(a7) * m;
            a8 = Vector512.Sqrt(a8) * m; a9 = Vector512.Sqrt(a9) * m;
        }
        return Vector512.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Divide256(int n)
    {
        Vector256<float> a0 = Vector256.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector256<float> d = Vector256.Create(1.0000001f);
        for (int i = 0; i < n; i++)
        {
            a0 /= d; a1 /= d; a2 /= d; a3 /= d; a4 /= d; a5 /= d; a6 /= d; a7 /= d; a8 /= d; a9 /= d;
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Sqrt256(int n)
    {
        Vector256<float> a0 = Vector256.Create(2f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0;
        Vector256<float> m = Vector256.Create(1.5f);
        for (int i = 0; i < n; i++)
        {
            a0 = Vector256.Sqrt(a0) * m; a1 = Vector256.Sqrt(a1) * m; a2 = Vector256.Sqrt(a2) * m; a3 = Vector256.Sqrt(a3) * m;
            a4 = Vector256.Sqrt(a4) * m; a5 = Vector256.Sqrt(a5) * m; a6 = Vector256.Sqrt(a6) * m; a7 = Vector256.Sqrt(a7) * m;
            a8 = Vector256.Sqrt(a8) * m; a9 = Vector256.Sqrt(a9) * m;
        }
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9);
    }
}
