using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using ActivationGen.Simd;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The machine's fused multiply-add peak on one thread at the widest accelerated width: twelve independent chains
/// hide the latency (4–5 cycles) on two FMA pipes and, with their two constants, fit in sixteen registers.
/// What this measures is FMAs per cycle × lanes × 2 × the clock the core really runs at, which is what the
/// product is held against. Generic for the same reason as <see cref="GemmBenchmarks{T}"/>.
/// </summary>
public class FmaPeakBenchmarks<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private const int Steps = 4096;
    private const int Chains = 12;

    /// <summary>Lanes of the widest accelerated vector of <typeparamref name="T"/>.</summary>
    public static int Lanes => Vector512.IsHardwareAccelerated ? Vec512<T>.Count : Vector256.IsHardwareAccelerated ? Vec256<T>.Count : Vec128<T>.Count;

    /// <summary>Floating-point operations of one call.</summary>
    public static double Flops => 2.0 * Steps * Chains * Lanes;

    [Benchmark]
    public T Peak() =>
        Vector512.IsHardwareAccelerated ? Run<Vec512<T>>()
        : Vector256.IsHardwareAccelerated ? Run<Vec256<T>>()
        : Run<Vec128<T>>();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static T Run<TV>()
        where TV : struct, IVectorBits<TV, T>
    {
        // acc·0.999 + 0.001 converges to 1: no overflow, no subnormals, whatever the number of steps.
        TV factor = TV.Create(T.CreateChecked(0.999)), addend = TV.Create(T.CreateChecked(0.001));
        TV c0 = addend, c1 = addend, c2 = addend, c3 = addend, c4 = addend, c5 = addend;
        TV c6 = addend, c7 = addend, c8 = addend, c9 = addend, c10 = addend, c11 = addend;
        for (int i = 0; i < Steps; i++)
        {
            c0 = TV.MultiplyAdd(c0, factor, addend);
            c1 = TV.MultiplyAdd(c1, factor, addend);
            c2 = TV.MultiplyAdd(c2, factor, addend);
            c3 = TV.MultiplyAdd(c3, factor, addend);
            c4 = TV.MultiplyAdd(c4, factor, addend);
            c5 = TV.MultiplyAdd(c5, factor, addend);
            c6 = TV.MultiplyAdd(c6, factor, addend);
            c7 = TV.MultiplyAdd(c7, factor, addend);
            c8 = TV.MultiplyAdd(c8, factor, addend);
            c9 = TV.MultiplyAdd(c9, factor, addend);
            c10 = TV.MultiplyAdd(c10, factor, addend);
            c11 = TV.MultiplyAdd(c11, factor, addend);
        }
        return TV.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }
}
