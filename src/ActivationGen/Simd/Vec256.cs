using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

/// <summary>A 256-bit vector of <typeparamref name="T"/> for generated kernels and the vector math.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vec256<T> : IVectorBits<Vec256<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The wrapped hardware vector.</summary>
    public readonly Vector256<T> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec256(Vector256<T> value) => Value = value;

    // A bit cast, not a constructor call: each `new` cost the JIT a local, and big kernels ran out of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vec256<T> Wrap(Vector256<T> value) => Unsafe.BitCast<Vector256<T>, Vec256<T>>(value);

    /// <inheritdoc/>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256<T>.Count;
    }

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.IsHardwareAccelerated;
    }

    /// <inheritdoc/>
    public static Vec256<T> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Wrap(Vector256<T>.Indices);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Create(T value) => Wrap(Vector256.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LoadUnsafe(ref readonly T source, nuint index) => Wrap(Vector256.LoadUnsafe(in source, index));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Vec256<T> value, ref T destination, nuint index) => value.Value.StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporalUnsafe(Vec256<T> value, ref T destination, nuint index)
    {
        // Pinned for the one instruction: the alignment is checked on the address the store uses, so a move by the GC
        // between calls can cost the bypass but never fault.
        fixed (T* address = &Unsafe.Add(ref destination, index))
        {
            if (((nuint)address & (nuint)(sizeof(Vector256<T>) - 1)) == 0)
                Vector256.StoreAlignedNonTemporal(value.Value, address);
            else
                Vector256.Store(value.Value, address);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vec256<T> value) => Vector256.Sum(value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator +(Vec256<T> left, Vec256<T> right) => Wrap(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator -(Vec256<T> left, Vec256<T> right) => Wrap(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator *(Vec256<T> left, Vec256<T> right) => Wrap(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator /(Vec256<T> left, Vec256<T> right) => Wrap(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> operator -(Vec256<T> value) => Wrap(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> MultiplyAdd(Vec256<T> left, Vec256<T> right, Vec256<T> addend)
        // Without hardware FMA the BCL emulates the fused operation per lane, which is exact but slow. The ISA
        // checks, not FmaSupport's property: the importer folds them, so the other arm is never imported (a property
        // call left both arms and a join temporary in every kernel, and large kernels ran out of JIT locals).
        => Wrap(Fma.IsSupported || AdvSimd.IsSupported
            ? (typeof(T) == typeof(float)
                ? Vector256.FusedMultiplyAdd(left.Value.AsSingle(), right.Value.AsSingle(), addend.Value.AsSingle()).As<float, T>()
                : Vector256.FusedMultiplyAdd(left.Value.AsDouble(), right.Value.AsDouble(), addend.Value.AsDouble()).As<double, T>())
            : left.Value * right.Value + addend.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Equal(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> NotEqual(Vec256<T> left, Vec256<T> right) => Wrap(~Vector256.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LessThan(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LessThanOrEqual(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.LessThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> GreaterThan(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> GreaterThanOrEqual(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.GreaterThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> And(Vec256<T> left, Vec256<T> right) => Wrap(left.Value & right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Or(Vec256<T> left, Vec256<T> right) => Wrap(left.Value | right.Value);

    /// <summary><paramref name="left"/> &amp; ~<paramref name="right"/>, as <see cref="Vector256.AndNot{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> AndNot(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.AndNot(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Not(Vec256<T> mask) => Wrap(~mask.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ConditionalSelect(Vec256<T> mask, Vec256<T> whenTrue, Vec256<T> whenFalse)
        // Without AVX-512 the BCL's select is and, andnot and or; a blend on the sign bit is one instruction and is
        // the same select for the all-ones/all-zeros masks this contract has. With AVX-512 the BCL's form is a
        // ternary-logic operation already. ISA checks, which the JIT's importer folds (see MultiplyAdd).
        => Wrap(Avx.IsSupported && !Avx512F.IsSupported
            ? (typeof(T) == typeof(float)
                ? Avx.BlendVariable(whenFalse.Value.AsSingle(), whenTrue.Value.AsSingle(), mask.Value.AsSingle()).As<float, T>()
                : Avx.BlendVariable(whenFalse.Value.AsDouble(), whenTrue.Value.AsDouble(), mask.Value.AsDouble()).As<double, T>())
            : Vector256.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> CreateBits(ulong bits) => typeof(T) == typeof(float)
        ? Wrap(Vector256.Create((uint)bits).As<uint, T>())
        : Wrap(Vector256.Create(bits).As<ulong, T>());

    /// <inheritdoc/>
    public static bool IsMultiplyAddFused
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FmaSupport.HasFusedMultiplyAdd;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Xor(Vec256<T> left, Vec256<T> right) => Wrap(left.Value ^ right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Sqrt(Vec256<T> value) => Wrap(Vector256.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Abs(Vec256<T> value) => Wrap(Vector256.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Min(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Max(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> MinNative(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.MinNative(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> MaxNative(Vec256<T> left, Vec256<T> right) => Wrap(Vector256.MaxNative(left.Value, right.Value));

    /// <inheritdoc/>
    public static bool IsScaleBNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Avx512F.VL.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ScaleB(Vec256<T> value, Vec256<T> exponent)
    {
        if (!Avx512F.VL.IsSupported)
        {
            return ScaleBits.ScaleB<Vec256<T>, T>(value, exponent);
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
    public static Vec256<T> LookupSixteen(Vector512<float> table, Vec256<T> indexBits)
        // The 512-bit permute on the register's low lanes: the table needs 16 entries, more than these lanes hold.
        => typeof(T) == typeof(float) && Avx512F.IsSupported
            ? Wrap(Avx512F.PermuteVar16x32(table, indexBits.Value.AsInt32().ToVector512Unsafe()).GetLower().As<float, T>())
            : Lanes.LookupSixteen<Vec256<T>, T>(table, indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> LookupEight(Vector256<float> table, Vec256<T> indexBits)
        // vpermps reads only the low three bits of each index lane.
        => typeof(T) == typeof(float) && Avx2.IsSupported
            ? Wrap(Avx2.PermuteVar8x32(table, indexBits.Value.AsInt32()).As<float, T>())
            : Lanes.LookupSixteen<Vec256<T>, T>(Vector512.Create(table, table), indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Round(Vec256<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector256.Round(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector256.Round(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> Floor(Vec256<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector256.Floor(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector256.Floor(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> AddBits(Vec256<T> left, Vec256<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() + right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() + right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> SubtractBits(Vec256<T> left, Vec256<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() - right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() - right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ShiftLeftBits(Vec256<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector256.ShiftLeft(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector256.ShiftLeft(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ShiftRightArithmeticBits(Vec256<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector256.ShiftRightArithmetic(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector256.ShiftRightArithmetic(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec256<T> ShiftRightLogicalBits(Vec256<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector256.ShiftRightLogical(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector256.ShiftRightLogical(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vec256<T> mask) => Vector256.ExtractMostSignificantBits(mask.Value) != 0;
}
