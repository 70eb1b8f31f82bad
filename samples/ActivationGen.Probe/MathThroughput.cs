using System;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Probe;

/// <summary>ns per element of the float vector math and of catalog forwards, 4096 elements (in L1), min of many runs.</summary>
internal static class MathThroughput
{
    private const int Length = 4096;
    // Each timed run repeats the pass, so a run is long against the timer's resolution (100 ns on some VMs).
    private const int Repeats = 8;

    private interface IOp
    {
        static abstract TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>;
    }

    private struct ExpOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Exp(x); }
    private struct SigmoidOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sigmoid(x); }
    private struct TanhOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Tanh(x); }
    private struct SoftplusOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Softplus(x); }
    private struct TanhSoftplusOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.TanhSoftplus(x); }
    private struct ErfOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Erf(x); }
    private struct LogOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Log(x); }
    private struct Expm1Op : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Expm1(x); }
    private struct DivideOp : IOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => x / (x + TV.Create(3f)); }

    public static void Run()
    {
        var random = new Random(1);
        float[] x = new float[Length], y = new float[Length];
        for (int i = 0; i < Length; i++)
            x[i] = (float)(random.NextDouble() * 16 - 8);

        Console.WriteLine("| function | Vec256 | Vec512 |");
        Console.WriteLine("| --- | --- | --- |");
        Row<ExpOp>("Exp", x, y);
        Row<Expm1Op>("Expm1", x, y);
        Row<LogOp>("Log (|x|)", Abs(x), y);
        Row<SigmoidOp>("Sigmoid", x, y);
        Row<TanhOp>("Tanh", x, y);
        Row<SoftplusOp>("Softplus", x, y);
        Row<TanhSoftplusOp>("TanhSoftplus", x, y);
        Row<ErfOp>("Erf", x, y);
        Row<DivideOp>("x / (x + 3)", x, y);

        Console.WriteLine();
        Console.WriteLine("| catalog forward, 4096 | ns/element |");
        Console.WriteLine("| --- | --- |");
        Catalog("Silu", x, y, (a, b) => Activations.Silu(a, b));
        Catalog("Gelu", x, y, (a, b) => Activations.Gelu(a, b));
        Catalog("GeluTanh", x, y, (a, b) => Activations.GeluTanh(a, b));
        Catalog("Mish", x, y, (a, b) => Activations.Mish(a, b));
        Catalog("Sigmoid", x, y, (a, b) => Activations.Sigmoid(a, b));
        Catalog("Tanh", x, y, (a, b) => Activations.Tanh(a, b));
        Catalog("Softplus", x, y, (a, b) => Activations.Softplus(a, b));
        Catalog("Elu", x, y, (a, b) => Activations.Elu(a, b));
        Catalog("LogSigmoid", x, y, (a, b) => Activations.LogSigmoid(a, b));
    }

    private static float[] Abs(float[] x) => Array.ConvertAll(x, MathF.Abs);

    private static void Row<TOp>(string name, float[] x, float[] y) where TOp : IOp
    {
        string w256 = Vec256<float>.IsHardwareAccelerated ? Time(x, y, Loop<TOp, Vec256<float>>).ToString("F3") : "—";
        string w512 = Vec512<float>.IsHardwareAccelerated ? Time(x, y, Loop<TOp, Vec512<float>>).ToString("F3") : "—";
        Console.WriteLine($"| {name} | {w256} | {w512} |");
    }

    private static void Catalog(string name, float[] x, float[] y, Action<float[], float[]> forward)
        => Console.WriteLine($"| {name} | {Time(x, y, (a, b) => { for (int i = 0; i < Repeats; i++) forward(a, b); }):F3} |");

    private static double Time(float[] x, float[] y, Action<float[], float[]> run)
    {
        // Past tier-up (30 calls plus the background delay), then the minimum of many short runs.
        for (int round = 0; round < 5; round++)
        {
            for (int i = 0; i < 100; i++)
                run(x, y);
            System.Threading.Thread.Sleep(100);
        }
        double best = double.MaxValue;
        for (int i = 0; i < 1000; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run(x, y);
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds);
        }
        return best / x.Length / Repeats;
    }

    // Fully optimized at once: a loaded machine can starve the background tier-1 compilation.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Loop<TOp, TV>(float[] x, float[] y) where TOp : IOp where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        ref float xs = ref x[0];
        ref float ys = ref y[0];
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            for (nuint i = 0; i + (nuint)TV.Count <= (nuint)x.Length; i += (nuint)TV.Count)
                TV.StoreUnsafe(TOp.Apply(TV.LoadUnsafe(ref xs, i)), ref ys, i);
        }
    }
}
