using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ActivationGen.Simd;

/// <summary>
/// Two vectors of <typeparamref name="TV"/> taken as one of twice the lanes: every operation is applied to both halves,
/// so a kernel inlined at this type computes two independent vectors with their instructions interleaved.
/// </summary>
/// <remarks>
/// Why: the transcendental kernels are long dependency chains (tanh's, summed from its latencies, about 60 cycles), and
/// with one vector per iteration the out-of-order window fills with instructions still waiting on it. Interleaving
/// two chains gives the scheduler twice the independent work at every point: Tanh forward 0.177 → 0.159 ns/element
/// at 512 bits and 0.327 → 0.296 at 256 bits (probe `kernels`, L1, AMD EPYC Zen 5 class, side by side), where a
/// loop unrolled by two without interleaving (one kernel copy after the other) was 3% slower. The span loops take
/// it for spans of at least two vectors, for float kernels small enough that two copies fit (the generator's
/// KernelPairing decides per width).
/// </remarks>
/// <typeparam name="TV">The vector type of each half.</typeparam>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct VecPair<TV, T> : IVectorBits<VecPair<TV, T>, T>
    where TV : struct, IVectorBits<TV, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The lower lanes.</summary>
    public readonly TV Low;

    /// <summary>The upper lanes.</summary>
    public readonly TV High;

    /// <summary>Pairs <paramref name="low"/> and <paramref name="high"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public VecPair(TV low, TV high)
    {
        Low = low;
        High = high;
    }

    /// <inheritdoc/>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 2 * TV.Count;
    }

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TV.IsHardwareAccelerated;
    }

    /// <inheritdoc/>
    public static VecPair<TV, T> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(TV.Indices, TV.Indices + TV.Create(T.CreateTruncating(TV.Count)));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Create(T value) => new(TV.Create(value), TV.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> LoadUnsafe(ref readonly T source, nuint index) => new(TV.LoadUnsafe(in source, index), TV.LoadUnsafe(in source, index + (nuint)TV.Count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(VecPair<TV, T> value, ref T destination, nuint index)
    {
        TV.StoreUnsafe(value.Low, ref destination, index);
        TV.StoreUnsafe(value.High, ref destination, index + (nuint)TV.Count);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNonTemporalUnsafe(VecPair<TV, T> value, ref T destination, nuint index)
    {
        TV.StoreNonTemporalUnsafe(value.Low, ref destination, index);
        TV.StoreNonTemporalUnsafe(value.High, ref destination, index + (nuint)TV.Count);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(VecPair<TV, T> value) => TV.Sum(value.Low + value.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> operator +(VecPair<TV, T> left, VecPair<TV, T> right) => new(left.Low + right.Low, left.High + right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> operator -(VecPair<TV, T> left, VecPair<TV, T> right) => new(left.Low - right.Low, left.High - right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> operator *(VecPair<TV, T> left, VecPair<TV, T> right) => new(left.Low * right.Low, left.High * right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> operator /(VecPair<TV, T> left, VecPair<TV, T> right) => new(left.Low / right.Low, left.High / right.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> operator -(VecPair<TV, T> value) => new(-value.Low, -value.High);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> MultiplyAdd(VecPair<TV, T> left, VecPair<TV, T> right, VecPair<TV, T> addend) => new(TV.MultiplyAdd(left.Low, right.Low, addend.Low), TV.MultiplyAdd(left.High, right.High, addend.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Equal(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.Equal(left.Low, right.Low), TV.Equal(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> NotEqual(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.NotEqual(left.Low, right.Low), TV.NotEqual(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> LessThan(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.LessThan(left.Low, right.Low), TV.LessThan(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> LessThanOrEqual(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.LessThanOrEqual(left.Low, right.Low), TV.LessThanOrEqual(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> GreaterThan(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.GreaterThan(left.Low, right.Low), TV.GreaterThan(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> GreaterThanOrEqual(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.GreaterThanOrEqual(left.Low, right.Low), TV.GreaterThanOrEqual(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> And(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.And(left.Low, right.Low), TV.And(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Or(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.Or(left.Low, right.Low), TV.Or(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> AndNot(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.AndNot(left.Low, right.Low), TV.AndNot(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Xor(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.Xor(left.Low, right.Low), TV.Xor(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Min(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.Min(left.Low, right.Low), TV.Min(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Max(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.Max(left.Low, right.Low), TV.Max(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> MinNative(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.MinNative(left.Low, right.Low), TV.MinNative(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> MaxNative(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.MaxNative(left.Low, right.Low), TV.MaxNative(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> ScaleB(VecPair<TV, T> value, VecPair<TV, T> exponent) => new(TV.ScaleB(value.Low, exponent.Low), TV.ScaleB(value.High, exponent.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> AddBits(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.AddBits(left.Low, right.Low), TV.AddBits(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> SubtractBits(VecPair<TV, T> left, VecPair<TV, T> right) => new(TV.SubtractBits(left.Low, right.Low), TV.SubtractBits(left.High, right.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Not(VecPair<TV, T> mask) => new(TV.Not(mask.Low), TV.Not(mask.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> ConditionalSelect(VecPair<TV, T> mask, VecPair<TV, T> whenTrue, VecPair<TV, T> whenFalse) => new(TV.ConditionalSelect(mask.Low, whenTrue.Low, whenFalse.Low), TV.ConditionalSelect(mask.High, whenTrue.High, whenFalse.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> CreateBits(ulong bits) => new(TV.CreateBits(bits), TV.CreateBits(bits));

    /// <inheritdoc/>
    public static bool IsMultiplyAddFused
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TV.IsMultiplyAddFused;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Sqrt(VecPair<TV, T> value) => new(TV.Sqrt(value.Low), TV.Sqrt(value.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Abs(VecPair<TV, T> value) => new(TV.Abs(value.Low), TV.Abs(value.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Round(VecPair<TV, T> value) => new(TV.Round(value.Low), TV.Round(value.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> Floor(VecPair<TV, T> value) => new(TV.Floor(value.Low), TV.Floor(value.High));

    /// <inheritdoc/>
    public static bool IsScaleBNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TV.IsScaleBNative;
    }

    /// <inheritdoc/>
    public static bool IsLookupSixteenNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TV.IsLookupSixteenNative;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> LookupSixteen(Vector512<float> table, VecPair<TV, T> indexBits) => new(TV.LookupSixteen(table, indexBits.Low), TV.LookupSixteen(table, indexBits.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> LookupEight(Vector256<float> table, VecPair<TV, T> indexBits) => new(TV.LookupEight(table, indexBits.Low), TV.LookupEight(table, indexBits.High));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> ShiftLeftBits(VecPair<TV, T> value, int count) => new(TV.ShiftLeftBits(value.Low, count), TV.ShiftLeftBits(value.High, count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> ShiftRightArithmeticBits(VecPair<TV, T> value, int count) => new(TV.ShiftRightArithmeticBits(value.Low, count), TV.ShiftRightArithmeticBits(value.High, count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VecPair<TV, T> ShiftRightLogicalBits(VecPair<TV, T> value, int count) => new(TV.ShiftRightLogicalBits(value.Low, count), TV.ShiftRightLogicalBits(value.High, count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(VecPair<TV, T> mask) => TV.AnyTrue(TV.Or(mask.Low, mask.High));
}
