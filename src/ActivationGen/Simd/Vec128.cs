using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

/// <summary>A 128-bit vector of <typeparamref name="T"/> for generated kernels and the vector math.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vec128<T> : IVectorBits<Vec128<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The wrapped hardware vector.</summary>
    public readonly Vector128<T> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec128(Vector128<T> value) => Value = value;

    // A bit cast, not a constructor call: each `new` cost the JIT a local, and big kernels ran out of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vec128<T> Wrap(Vector128<T> value) => Unsafe.BitCast<Vector128<T>, Vec128<T>>(value);

    /// <inheritdoc/>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128<T>.Count;
    }

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.IsHardwareAccelerated;
    }

    /// <inheritdoc/>
    public static Vec128<T> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Wrap(Vector128<T>.Indices);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Create(T value) => Wrap(Vector128.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LoadUnsafe(ref readonly T source, nuint index) => Wrap(Vector128.LoadUnsafe(in source, index));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Vec128<T> value, ref T destination, nuint index) => value.Value.StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporalUnsafe(Vec128<T> value, ref T destination, nuint index)
    {
        // Pinned for the one instruction: the alignment is checked on the address the store uses, so a move by the GC
        // between calls can cost the bypass but never fault.
        fixed (T* address = &Unsafe.Add(ref destination, index))
        {
            if (((nuint)address & (nuint)(sizeof(Vector128<T>) - 1)) == 0)
                Vector128.StoreAlignedNonTemporal(value.Value, address);
            else
                Vector128.Store(value.Value, address);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vec128<T> value) => Vector128.Sum(value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator +(Vec128<T> left, Vec128<T> right) => Wrap(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator -(Vec128<T> left, Vec128<T> right) => Wrap(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator *(Vec128<T> left, Vec128<T> right) => Wrap(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator /(Vec128<T> left, Vec128<T> right) => Wrap(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> operator -(Vec128<T> value) => Wrap(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> MultiplyAdd(Vec128<T> left, Vec128<T> right, Vec128<T> addend)
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
    public static Vec128<T> Equal(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> NotEqual(Vec128<T> left, Vec128<T> right) => Wrap(~Vector128.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LessThan(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LessThanOrEqual(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.LessThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> GreaterThan(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> GreaterThanOrEqual(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.GreaterThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> And(Vec128<T> left, Vec128<T> right) => Wrap(left.Value & right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Or(Vec128<T> left, Vec128<T> right) => Wrap(left.Value | right.Value);

    /// <summary><paramref name="left"/> &amp; ~<paramref name="right"/>, as <see cref="Vector128.AndNot{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> AndNot(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.AndNot(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Not(Vec128<T> mask) => Wrap(~mask.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ConditionalSelect(Vec128<T> mask, Vec128<T> whenTrue, Vec128<T> whenFalse)
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
    public static Vec128<T> CreateBits(ulong bits) => typeof(T) == typeof(float)
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
    public static Vec128<T> Xor(Vec128<T> left, Vec128<T> right) => Wrap(left.Value ^ right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Sqrt(Vec128<T> value) => Wrap(Vector128.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Abs(Vec128<T> value) => Wrap(Vector128.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Min(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Max(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> MinNative(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.MinNative(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> MaxNative(Vec128<T> left, Vec128<T> right) => Wrap(Vector128.MaxNative(left.Value, right.Value));

    /// <inheritdoc/>
    public static bool IsScaleBNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Avx512F.VL.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ScaleB(Vec128<T> value, Vec128<T> exponent)
    {
        if (!Avx512F.VL.IsSupported)
        {
            return ScaleBits.ScaleB<Vec128<T>, T>(value, exponent);
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
    public static Vec128<T> LookupSixteen(Vector512<float> table, Vec128<T> indexBits)
        // The 512-bit permute on the register's low lanes: the table needs 16 entries, more than these lanes hold.
        => typeof(T) == typeof(float) && Avx512F.IsSupported
            ? Wrap(Avx512F.PermuteVar16x32(table, indexBits.Value.AsInt32().ToVector256Unsafe().ToVector512Unsafe()).GetLower().GetLower().As<float, T>())
            : Lanes.LookupSixteen<Vec128<T>, T>(table, indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> LookupEight(Vector256<float> table, Vec128<T> indexBits)
        // The 256-bit permute on the register's low lanes.
        => typeof(T) == typeof(float) && Avx2.IsSupported
            ? Wrap(Avx2.PermuteVar8x32(table, indexBits.Value.AsInt32().ToVector256Unsafe()).GetLower().As<float, T>())
            : Lanes.LookupSixteen<Vec128<T>, T>(Vector512.Create(table, table), indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Round(Vec128<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector128.Round(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector128.Round(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> Floor(Vec128<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector128.Floor(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector128.Floor(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> AddBits(Vec128<T> left, Vec128<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() + right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() + right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> SubtractBits(Vec128<T> left, Vec128<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() - right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() - right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ShiftLeftBits(Vec128<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftLeft(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftLeft(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ShiftRightArithmeticBits(Vec128<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftRightArithmetic(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftRightArithmetic(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec128<T> ShiftRightLogicalBits(Vec128<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector128.ShiftRightLogical(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector128.ShiftRightLogical(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vec128<T> mask) => Vector128.ExtractMostSignificantBits(mask.Value) != 0;
}
