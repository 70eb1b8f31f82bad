using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ActivationGen.Simd;

namespace ActivationGen.Tests.Simd;

/// <summary>The <see cref="IVector{TSelf, T}"/> and <see cref="IVectorBits{TSelf, T}"/> contract, at every width and element type.</summary>
public sealed class VectorTypeTests
{
    [Fact] public void Vec1Single() => CheckAll<Vec1<float>, float>(expectedCount: 1);
    [Fact] public void Vec1Double() => CheckAll<Vec1<double>, double>(expectedCount: 1);
    [Fact] public void Vec128Single() => CheckAll<Vec128<float>, float>(expectedCount: 4);
    [Fact] public void Vec128Double() => CheckAll<Vec128<double>, double>(expectedCount: 2);
    [Fact] public void Vec256Single() => CheckAll<Vec256<float>, float>(expectedCount: 8);
    [Fact] public void Vec256Double() => CheckAll<Vec256<double>, double>(expectedCount: 4);
    [Fact] public void Vec512Single() => CheckAll<Vec512<float>, float>(expectedCount: 16);
    [Fact] public void Vec512Double() => CheckAll<Vec512<double>, double>(expectedCount: 8);
    [Fact] public void PairOfVec1Single() => CheckAll<VecPair<Vec1<float>, float>, float>(expectedCount: 2);
    [Fact] public void PairOfVec128Single() => CheckAll<VecPair<Vec128<float>, float>, float>(expectedCount: 8);
    [Fact] public void PairOfVec256Single() => CheckAll<VecPair<Vec256<float>, float>, float>(expectedCount: 16);
    [Fact] public void PairOfVec256Double() => CheckAll<VecPair<Vec256<double>, double>, double>(expectedCount: 8);
    [Fact] public void PairOfVec512Single() => CheckAll<VecPair<Vec512<float>, float>, float>(expectedCount: 32);
    [Fact] public void PairOfVec512Double() => CheckAll<VecPair<Vec512<double>, double>, double>(expectedCount: 16);

    [Fact]
    public void APairReadsAndWritesItsHalvesInOrder()
    {
        float[] x = Enumerable.Range(0, 40).Select(i => i + 0.5f).ToArray(), y = new float[40];
        var pair = VecPair<Vec256<float>, float>.LoadUnsafe(ref x[0], 3);
        Assert.Equal(Vec256<float>.LoadUnsafe(ref x[0], 3), pair.Low);
        Assert.Equal(Vec256<float>.LoadUnsafe(ref x[0], 11), pair.High);
        VecPair<Vec256<float>, float>.StoreUnsafe(pair, ref y[0], 5);
        Assert.Equal(x[3..19], y[5..21]);
        Assert.All(y[..5].Concat(y[21..]), v => Assert.Equal(0f, v));
        // AnyTrue sees a lane set in either half.
        float[] mask = new float[16];
        mask[12] = BitConverter.Int32BitsToSingle(-1);
        Assert.True(VecPair<Vec256<float>, float>.AnyTrue(VecPair<Vec256<float>, float>.LoadUnsafe(ref mask[0], 0)));
        Assert.False(VecPair<Vec256<float>, float>.AnyTrue(VecPair<Vec256<float>, float>.Create(0f)));
    }

    [Fact]
    public void Vec1TouchesOnlyItsElement()
    {
        float[] data = [1f, 2f, 3f];
        Vec1<float>.StoreUnsafe(Vec1<float>.LoadUnsafe(ref data[0], 0) + Vec1<float>.Create(10f), ref data[0], 1);
        Assert.Equal([1f, 11f, 3f], data);
        // Only lane 0 counts, whatever the hidden lanes hold.
        Assert.False(Vec1<float>.AnyTrue(Vec1<float>.GreaterThan(Vec1<float>.LoadUnsafe(ref data[0], 0), Vec1<float>.Create(5f))));
        Assert.True(Vec1<float>.IsHardwareAccelerated);
    }

    [Fact] public void ScaleBSingle() => CheckScaleB<Vec512<float>, float>();
    [Fact] public void ScaleBDouble() => CheckScaleB<Vec512<double>, double>();
    [Fact] public void ScaleBNarrow() { CheckScaleB<Vec1<float>, float>(); CheckScaleB<Vec128<double>, double>(); CheckScaleB<Vec256<float>, float>(); }

    [Fact]
    public void LookupSixteenEveryWidth()
    {
        CheckLookupSixteen<Vec1<float>, float>(); CheckLookupSixteen<Vec128<float>, float>(); CheckLookupSixteen<Vec256<float>, float>(); CheckLookupSixteen<Vec512<float>, float>();
        CheckLookupSixteen<Vec1<double>, double>(); CheckLookupSixteen<Vec256<double>, double>(); CheckLookupSixteen<Vec512<double>, double>();
        CheckLookupSixteen<VecPair<Vec512<float>, float>, float>(); CheckLookupSixteen<VecPair<Vec256<float>, float>, float>();
        Assert.Equal(Vec512<float>.IsLookupSixteenNative, VecPair<Vec512<float>, float>.IsLookupSixteenNative);
        // Every float width is native where any is, so that the widths compute the same exp on one host.
        Assert.Equal(Avx512F.IsSupported, Vec512<float>.IsLookupSixteenNative);
        Assert.Equal(Vec512<float>.IsLookupSixteenNative, Vec1<float>.IsLookupSixteenNative);
        Assert.Equal(Vec512<float>.IsLookupSixteenNative, Vec128<float>.IsLookupSixteenNative);
        Assert.Equal(Vec512<float>.IsLookupSixteenNative, Vec256<float>.IsLookupSixteenNative);
        Assert.False(Vec512<double>.IsLookupSixteenNative);
    }

    [Fact]
    public void LookupEightEveryWidth()
    {
        CheckLookupEight<Vec1<float>, float>(); CheckLookupEight<Vec128<float>, float>(); CheckLookupEight<Vec256<float>, float>(); CheckLookupEight<Vec512<float>, float>();
        CheckLookupEight<Vec1<double>, double>(); CheckLookupEight<Vec256<double>, double>(); CheckLookupEight<Vec512<double>, double>();
        CheckLookupEight<VecPair<Vec512<float>, float>, float>(); CheckLookupEight<VecPair<Vec256<float>, float>, float>();
    }

    /// <summary>
    /// The vector math branches on ISA checks the JIT's importer folds, not on these properties (a property call
    /// imports both arms and runs large kernels out of JIT locals; Simd README, "Locals"). Each such check stands for
    /// a property at every width, so the two must agree.
    /// </summary>
    [Fact]
    public void TheMathsIsaChecksAreTheProperties()
    {
        bool fused = Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
        bool scaleB = Avx512F.VL.IsSupported;
        Assert.Equal(fused, Vec1<float>.IsMultiplyAddFused);
        Assert.Equal(fused, Vec128<double>.IsMultiplyAddFused);
        Assert.Equal(fused, Vec256<float>.IsMultiplyAddFused);
        Assert.Equal(fused, Vec512<double>.IsMultiplyAddFused);
        Assert.Equal(scaleB, Vec1<float>.IsScaleBNative);
        Assert.Equal(scaleB, Vec128<double>.IsScaleBNative);
        Assert.Equal(scaleB, Vec256<float>.IsScaleBNative);
        Assert.Equal(scaleB, Vec512<double>.IsScaleBNative);
        // SingleMath's tabled exp stands for IsLookupSixteenNative && IsScaleBNative.
        Assert.Equal(scaleB, Vec512<float>.IsLookupSixteenNative && Vec512<float>.IsScaleBNative);
        Assert.Equal(scaleB, Vec1<float>.IsLookupSixteenNative && Vec1<float>.IsScaleBNative);
    }

    /// <summary>Each lane reads entry (its bit pattern's low four bits), whatever the higher bits hold: the permute (where native) and the lane loop.</summary>
    private static void CheckLookupSixteen<TV, T>()
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => CheckLookup<TV, T>(16, 786432, (entries, x) => TV.LookupSixteen(Vector512.Create(entries), x));

    /// <summary>Each lane reads entry (its bit pattern's low three bits), whatever the higher bits hold: the permutes (where native) and the lane loop.</summary>
    private static void CheckLookupEight<TV, T>()
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        => CheckLookup<TV, T>(8, 1573055, (entries, x) => TV.LookupEight(Vector256.Create(entries), x));

    private static void CheckLookup<TV, T>(int size, double shifter, Func<float[], TV, TV> lookup)
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var entries = new float[size];
        for (int i = 0; i < size; i++)
            entries[i] = 100 + i * 0.5f;
        // Shifter sums as the exps use them (index in the low mantissa bits) and arbitrary values with high bits set.
        double[] sources = [shifter + 3.0 / size, shifter - 1.0 / size, shifter + (size - 1.0) / size, 1.5, -2.75, 1e30, -0.0];
        T[] x = new T[TV.Count], y = new T[TV.Count];
        foreach (double source in sources)
        {
            for (int lane = 0; lane < TV.Count; lane++)
                x[lane] = T.CreateChecked(source * (lane + 1));
            TV.StoreUnsafe(lookup(entries, TV.LoadUnsafe(ref x[0], 0)), ref y[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
            {
                long bits = typeof(T) == typeof(float) ? BitConverter.SingleToInt32Bits(float.CreateChecked(x[lane])) : BitConverter.DoubleToInt64Bits(double.CreateChecked(x[lane]));
                Assert.Equal(T.CreateChecked(entries[bits & (size - 1)]), y[lane]);
            }
        }
    }

    /// <summary>Hardware (where present) and the exponent-field fallback both match T.ScaleB, through subnormals and overflow.</summary>
    private static void CheckScaleB<TV, T>()
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int[] exponents = [0, 1, -1, 5, -5, 100, -100, 127, -126, -130, -149, -150, 128, 300, -300, 1000, -1000, 1023, -1022, -1074, -1075, 1024, 2000, -2000];
        double[] values = [1, 1.5, -3.25, 0.75, 1.9999999, -0.0, 0, double.PositiveInfinity, double.NaN];
        T[] x = new T[TV.Count], n = new T[TV.Count], y = new T[TV.Count], z = new T[TV.Count];
        foreach (double v in values)
        {
            foreach (int e in exponents)
            {
                Array.Fill(x, T.CreateChecked(v));
                Array.Fill(n, T.CreateChecked(e));
                TV.StoreUnsafe(TV.ScaleB(TV.LoadUnsafe(ref x[0], 0), TV.LoadUnsafe(ref n[0], 0)), ref y[0], 0);
                TV.StoreUnsafe(ScaleBits.ScaleB<TV, T>(TV.LoadUnsafe(ref x[0], 0), TV.LoadUnsafe(ref n[0], 0)), ref z[0], 0);
                T expected = T.ScaleB(x[0], e);
                for (int i = 0; i < TV.Count; i++)
                {
                    Assert.Equal(expected, y[i]);
                    Assert.Equal(expected, z[i]);
                }
            }
        }
        // MinNative/MaxNative with the constant first keep a NaN in the second operand.
        Array.Fill(x, T.NaN);
        TV nan = TV.LoadUnsafe(ref x[0], 0);
        TV.StoreUnsafe(TV.MinNative(TV.Create(T.One), TV.MaxNative(TV.Create(-T.One), nan)), ref y[0], 0);
        Assert.All(y, v => Assert.True(T.IsNaN(v)));
    }

    /// <summary>At every offset from a 64-byte boundary (aligned for every width at some offsets, not at others) a store past the caches writes its lanes and nothing else.</summary>
    private static unsafe void CheckNonTemporalStore<TV, T>()
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = TV.Count, line = 64 / sizeof(T);
        T[] buffer = GC.AllocateArray<T>(n + 3 * line, pinned: true);
        int aligned = (int)((64 - (nuint)Unsafe.AsPointer(ref buffer[0]) % 64) % 64) / sizeof(T);
        TV lanes = TV.Indices + TV.Create(T.One);
        for (int offset = 0; offset <= line; offset++)
        {
            Array.Clear(buffer);
            int start = aligned + offset;
            TV.StoreNonTemporalUnsafe(lanes, ref buffer[0], (nuint)start);
            NonTemporalStores.Fence();
            for (int i = 0; i < buffer.Length; i++)
                Assert.Equal(i >= start && i < start + n ? T.CreateChecked(i - start + 1) : T.Zero, buffer[i]);
        }
    }

    private static void CheckAll<TV, T>(int expectedCount)
        where TV : struct, IVector<TV, T>, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Assert.Equal(expectedCount, TV.Count);
        int n = TV.Count;
        T[] a = new T[n], b = new T[n], c = new T[n], y = new T[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = T.CreateChecked(i * 1.5 - 2);
            b[i] = T.CreateChecked(3 - i);
            c[i] = T.CreateChecked(0.25 * i);
        }
        TV va = TV.LoadUnsafe(ref a[0], 0), vb = TV.LoadUnsafe(ref b[0], 0), vc = TV.LoadUnsafe(ref c[0], 0);

        TV.StoreUnsafe(TV.Indices, ref y[0], 0);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(T.CreateChecked(i), y[i]);
        }
        T sum = T.Zero;
        foreach (T v in a)
        {
            sum += v;
        }
        Assert.Equal(sum, TV.Sum(va));
        CheckNonTemporalStore<TV, T>();

        Lanewise(va + vb, (x, z, _) => x + z);
        Lanewise(va - vb, (x, z, _) => x - z);
        Lanewise(va * vb, (x, z, _) => x * z);
        Lanewise(va / vb, (x, z, _) => x / z);
        Lanewise(-va, (x, _, _) => -x);
        Lanewise(TV.MultiplyAdd(va, vb, vc), (x, z, w) => T.FusedMultiplyAdd(x, z, w), fusedOnly: true);
        Lanewise(TV.ConditionalSelect(TV.Equal(va, vb), vc, va), (x, z, w) => x == z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.NotEqual(va, vb), vc, va), (x, z, w) => x != z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.LessThan(va, vb), vc, va), (x, z, w) => x < z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.LessThanOrEqual(va, vb), vc, va), (x, z, w) => x <= z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.GreaterThan(va, vb), vc, va), (x, z, w) => x > z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.GreaterThanOrEqual(va, vb), vc, va), (x, z, w) => x >= z ? w : x);
        Lanewise(TV.ConditionalSelect(TV.And(TV.LessThan(va, vb), TV.GreaterThan(va, vc)), vc, va), (x, z, w) => x < z && x > w ? w : x);
        Lanewise(TV.ConditionalSelect(TV.Or(TV.LessThan(va, vb), TV.GreaterThan(va, vc)), vc, va), (x, z, w) => x < z || x > w ? w : x);
        Lanewise(TV.ConditionalSelect(TV.AndNot(TV.LessThan(va, vb), TV.GreaterThan(va, vc)), vc, va), (x, z, w) => x < z && !(x > w) ? w : x);
        Lanewise(TV.ConditionalSelect(TV.Not(TV.LessThan(va, vb)), vc, va), (x, z, w) => !(x < z) ? w : x);
        Lanewise(TV.Xor(va, TV.CreateBits(typeof(T) == typeof(float) ? 0x8000_0000UL : 0x8000_0000_0000_0000UL)), (x, _, _) => -x);
        Lanewise(TV.Abs(va), (x, _, _) => T.Abs(x));
        Lanewise(TV.Sqrt(TV.Abs(va)), (x, _, _) => T.Sqrt(T.Abs(x)));
        Lanewise(TV.Min(va, vb), (x, z, _) => T.Min(x, z));
        Lanewise(TV.Max(va, vb), (x, z, _) => T.Max(x, z));
        Lanewise(TV.Round(va), (x, _, _) => T.Round(x, MidpointRounding.ToEven));
        Lanewise(TV.Floor(va), (x, _, _) => T.Floor(x));
        // Integer views: adding 1 to the bit pattern is the next representable value up (for positive lanes).
        Lanewise(TV.AddBits(TV.Abs(vb), TV.CreateBits(1)), (_, z, _) => T.BitIncrement(T.Abs(z)), skipZero: true);
        Lanewise(TV.SubtractBits(TV.Abs(vb), TV.CreateBits(1)), (_, z, _) => T.BitDecrement(T.Abs(z)), skipZero: true);
        int width = typeof(T) == typeof(float) ? 32 : 64;
        int mantissa = typeof(T) == typeof(float) ? 23 : 52;
        // Shifting the exponent field down and back up keeps sign and exponent, drops the mantissa.
        Lanewise(TV.ShiftLeftBits(TV.ShiftRightArithmeticBits(va, mantissa), mantissa), (x, _, _) => x == T.Zero ? x : T.CopySign(T.CreateChecked(Math.Pow(2, Math.Floor(Math.Log2(Math.Abs(double.CreateChecked(x)))))), x));
        Lanewise(TV.ShiftRightLogicalBits(va, width - 1), (x, _, _) => T.IsNegative(x) ? T.Epsilon : T.Zero);
        Assert.Equal(n > 1 || a[0] < b[0], TV.AnyTrue(TV.LessThan(va, vb)));
        Assert.False(TV.AnyTrue(TV.GreaterThan(va, TV.Create(T.CreateChecked(1000)))));

        void Lanewise(TV actual, Func<T, T, T, T> expected, bool fusedOnly = false, bool skipZero = false)
        {
            TV.StoreUnsafe(actual, ref y[0], 0);
            for (int i = 0; i < n; i++)
            {
                if ((fusedOnly && !TV.IsMultiplyAddFused) || (skipZero && b[i] == T.Zero))
                {
                    continue;
                }
                Assert.Equal(expected(a[i], b[i], c[i]), y[i]);
            }
        }
    }
}
