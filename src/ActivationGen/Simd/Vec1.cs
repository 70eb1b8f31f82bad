using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

/// <summary>
/// One lane of <typeparamref name="T"/>, for the scalar tails of generated kernels. It computes in lane 0 of a
/// <see cref="Vector128{T}"/> so that tails run exactly the same instruction sequence, and so give bit-identical
/// results, as the wide bodies; the other lanes are ignored.
/// </summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vec1<T> : IVectorBits<Vec1<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The wrapped hardware vector; only lane 0 is meaningful.</summary>
    public readonly Vector128<T> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec1(Vector128<T> value) => Value = value;

    // A bit cast, not a constructor call: each `new` cost the JIT a local, and big kernels ran out of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vec1<T> Wrap(Vector128<T> value) => Unsafe.BitCast<Vector128<T>, Vec1<T>>(value);

    /// <inheritdoc/>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 1;
    }

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => true;
    }

    /// <inheritdoc/>
    public static Vec1<T> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Wrap(Vector128<T>.Zero);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Create(T value) => Wrap(Vector128.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> LoadUnsafe(ref readonly T source, nuint index) => Wrap(Vector128.CreateScalar(Unsafe.Add(ref Unsafe.AsRef(in source), index)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Vec1<T> value, ref T destination, nuint index) => Unsafe.Add(ref destination, index) = value.Value.ToScalar();

    /// <inheritdoc/>
    /// <remarks>One lane has no store past the caches: an ordinary store.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreNonTemporalUnsafe(Vec1<T> value, ref T destination, nuint index) => StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vec1<T> value) => value.Value.ToScalar();

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> operator +(Vec1<T> left, Vec1<T> right) => Wrap(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> operator -(Vec1<T> left, Vec1<T> right) => Wrap(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> operator *(Vec1<T> left, Vec1<T> right) => Wrap(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> operator /(Vec1<T> left, Vec1<T> right) => Wrap(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> operator -(Vec1<T> value) => Wrap(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> MultiplyAdd(Vec1<T> left, Vec1<T> right, Vec1<T> addend)
        // Without hardware FMA the BCL emulates the fused operation per lane, which is exact but slow. The ISA
        // checks, not FmaSupport's property: the importer folds them, so the other arm is never imported (a property
        // call left both arms and a join temporary in every kernel, and large kernels ran out of JIT locals).
        => Wrap(Fma.IsSupported || AdvSimd.IsSupported
            ? (typeof(T) == typeof(float)
                ? Vector128.FusedMultiplyAdd(left.Value.AsSingle(), right.Value.AsSingle(), addend.Value.AsSingle()).As<float, T>()
                : Vector128.FusedMultiplyAdd(left.Value.AsDouble(), right.Value.AsDouble(), addend.Value.AsDouble()).As<double, T>())
            : left.Value * right.Value + addend.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Equal(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> NotEqual(Vec1<T> left, Vec1<T> right) => Wrap(~Vector128.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> LessThan(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> LessThanOrEqual(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.LessThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> GreaterThan(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> GreaterThanOrEqual(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.GreaterThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> And(Vec1<T> left, Vec1<T> right) => Wrap(left.Value & right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Or(Vec1<T> left, Vec1<T> right) => Wrap(left.Value | right.Value);

    /// <summary><paramref name="left"/> &amp; ~<paramref name="right"/>, as <see cref="Vector128.AndNot{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> AndNot(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.AndNot(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Not(Vec1<T> mask) => Wrap(~mask.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> ConditionalSelect(Vec1<T> mask, Vec1<T> whenTrue, Vec1<T> whenFalse)
        // Without AVX-512 the BCL's select is and, andnot and or; a blend on the sign bit is one instruction and is
        // the same select for the all-ones/all-zeros masks this contract has. With AVX-512 the BCL's form is a
        // ternary-logic operation already. ISA checks, which the JIT's importer folds (see MultiplyAdd).
        => Wrap(Sse41.IsSupported && !Avx512F.IsSupported
            ? (typeof(T) == typeof(float)
                ? Sse41.BlendVariable(whenFalse.Value.AsSingle(), whenTrue.Value.AsSingle(), mask.Value.AsSingle()).As<float, T>()
                : Sse41.BlendVariable(whenFalse.Value.AsDouble(), whenTrue.Value.AsDouble(), mask.Value.AsDouble()).As<double, T>())
            : Vector128.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> CreateBits(ulong bits) => typeof(T) == typeof(float)
        ? Wrap(Vector128.Create((uint)bits).As<uint, T>())
        : Wrap(Vector128.Create(bits).As<ulong, T>());

    /// <inheritdoc/>
    public static bool IsMultiplyAddFused
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FmaSupport.HasFusedMultiplyAdd;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Xor(Vec1<T> left, Vec1<T> right) => Wrap(left.Value ^ right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Sqrt(Vec1<T> value) => Wrap(Vector128.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Abs(Vec1<T> value) => Wrap(Vector128.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Min(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Max(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> MinNative(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.MinNative(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> MaxNative(Vec1<T> left, Vec1<T> right) => Wrap(Vector128.MaxNative(left.Value, right.Value));

    /// <inheritdoc/>
    public static bool IsScaleBNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Avx512F.VL.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> ScaleB(Vec1<T> value, Vec1<T> exponent)
    {
        if (!Avx512F.VL.IsSupported)
        {
            return ScaleBits.ScaleB<Vec1<T>, T>(value, exponent);
        }
        return typeof(T) == typeof(float)
            ? Wrap(Avx512F.VL.Scale(value.Value.AsSingle(), exponent.Value.AsSingle()).As<float, T>())
            : Wrap(Avx512F.VL.Scale(value.Value.AsDouble(), exponent.Value.AsDouble()).As<double, T>());
    }

    /// <inheritdoc/>
    public static bool IsLookupSixteenNative
    {
        // Native wherever Vec512 is, so that every width computes the same exp on one host (the widths must agree).
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(float) && Avx512F.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> LookupSixteen(Vector512<float> table, Vec1<T> indexBits)
        // The 512-bit permute on the register's low lanes: the table needs 16 entries, more than these lanes hold.
        => typeof(T) == typeof(float) && Avx512F.IsSupported
            ? Wrap(Avx512F.PermuteVar16x32(table, indexBits.Value.AsInt32().ToVector256Unsafe().ToVector512Unsafe()).GetLower().GetLower().As<float, T>())
            : Lanes.LookupSixteen<Vec1<T>, T>(table, indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> LookupEight(Vector256<float> table, Vec1<T> indexBits)
        // The 256-bit permute on the register's low lanes.
        => typeof(T) == typeof(float) && Avx2.IsSupported
            ? Wrap(Avx2.PermuteVar8x32(table, indexBits.Value.AsInt32().ToVector256Unsafe()).GetLower().As<float, T>())
            : Lanes.LookupSixteen<Vec1<T>, T>(Vector512.Create(table, table), indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Round(Vec1<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector128.Round(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector128.Round(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> Floor(Vec1<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector128.Floor(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector128.Floor(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> AddBits(Vec1<T> left, Vec1<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() + right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() + right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> SubtractBits(Vec1<T> left, Vec1<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() - right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() - right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> ShiftLeftBits(Vec1<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftLeft(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftLeft(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> ShiftRightArithmeticBits(Vec1<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftRightArithmetic(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftRightArithmetic(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec1<T> ShiftRightLogicalBits(Vec1<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftRightLogical(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftRightLogical(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vec1<T> mask) => (Vector128.ExtractMostSignificantBits(mask.Value) & 1) != 0;
}
