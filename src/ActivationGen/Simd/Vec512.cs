using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

/// <summary>A 512-bit vector of <typeparamref name="T"/> for generated kernels and the vector math.</summary>
/// <typeparam name="T"><c>float</c> or <c>double</c>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Vec512<T> : IVectorBits<Vec512<T>, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The wrapped hardware vector.</summary>
    public readonly Vector512<T> Value;

    /// <summary>Wraps <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec512(Vector512<T> value) => Value = value;

    // A bit cast, not a constructor call: each `new` cost the JIT a local, and big kernels ran out of them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vec512<T> Wrap(Vector512<T> value) => Unsafe.BitCast<Vector512<T>, Vec512<T>>(value);

    /// <inheritdoc/>
    public static int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512<T>.Count;
    }

    /// <inheritdoc/>
    public static bool IsHardwareAccelerated
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated;
    }

    /// <inheritdoc/>
    public static Vec512<T> Indices
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Wrap(Vector512<T>.Indices);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Create(T value) => Wrap(Vector512.Create(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LoadUnsafe(ref readonly T source, nuint index) => Wrap(Vector512.LoadUnsafe(in source, index));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreUnsafe(Vec512<T> value, ref T destination, nuint index) => value.Value.StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreNonTemporalUnsafe(Vec512<T> value, ref T destination, nuint index)
    {
        // Pinned for the one instruction: the alignment is checked on the address the store uses, so a move by the GC
        // between calls can cost the bypass but never fault.
        fixed (T* address = &Unsafe.Add(ref destination, index))
        {
            if (((nuint)address & (nuint)(sizeof(Vector512<T>) - 1)) == 0)
                Vector512.StoreAlignedNonTemporal(value.Value, address);
            else
                Vector512.Store(value.Value, address);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vec512<T> value) => Vector512.Sum(value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator +(Vec512<T> left, Vec512<T> right) => Wrap(left.Value + right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator -(Vec512<T> left, Vec512<T> right) => Wrap(left.Value - right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator *(Vec512<T> left, Vec512<T> right) => Wrap(left.Value * right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator /(Vec512<T> left, Vec512<T> right) => Wrap(left.Value / right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> operator -(Vec512<T> value) => Wrap(-value.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> MultiplyAdd(Vec512<T> left, Vec512<T> right, Vec512<T> addend)
        // Without hardware FMA the BCL emulates the fused operation per lane, which is exact but slow. The ISA
        // checks, not FmaSupport's property: the importer folds them, so the other arm is never imported (a property
        // call left both arms and a join temporary in every kernel, and large kernels ran out of JIT locals).
        => Wrap(Fma.IsSupported || AdvSimd.IsSupported
            ? (typeof(T) == typeof(float)
                ? Vector512.FusedMultiplyAdd(left.Value.AsSingle(), right.Value.AsSingle(), addend.Value.AsSingle()).As<float, T>()
                : Vector512.FusedMultiplyAdd(left.Value.AsDouble(), right.Value.AsDouble(), addend.Value.AsDouble()).As<double, T>())
            : left.Value * right.Value + addend.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Equal(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> NotEqual(Vec512<T> left, Vec512<T> right) => Wrap(~Vector512.Equals(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LessThan(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.LessThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LessThanOrEqual(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.LessThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> GreaterThan(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.GreaterThan(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> GreaterThanOrEqual(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.GreaterThanOrEqual(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> And(Vec512<T> left, Vec512<T> right) => Wrap(left.Value & right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Or(Vec512<T> left, Vec512<T> right) => Wrap(left.Value | right.Value);

    /// <summary><paramref name="left"/> &amp; ~<paramref name="right"/>, as <see cref="Vector512.AndNot{T}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> AndNot(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.AndNot(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Not(Vec512<T> mask) => Wrap(~mask.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ConditionalSelect(Vec512<T> mask, Vec512<T> whenTrue, Vec512<T> whenFalse)
        => Wrap(Vector512.ConditionalSelect(mask.Value, whenTrue.Value, whenFalse.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> CreateBits(ulong bits) => typeof(T) == typeof(float)
        ? Wrap(Vector512.Create((uint)bits).As<uint, T>())
        : Wrap(Vector512.Create(bits).As<ulong, T>());

    /// <inheritdoc/>
    public static bool IsMultiplyAddFused
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => FmaSupport.HasFusedMultiplyAdd;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Xor(Vec512<T> left, Vec512<T> right) => Wrap(left.Value ^ right.Value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Sqrt(Vec512<T> value) => Wrap(Vector512.Sqrt(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Abs(Vec512<T> value) => Wrap(Vector512.Abs(value.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Min(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.Min(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Max(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.Max(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> MinNative(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.MinNative(left.Value, right.Value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> MaxNative(Vec512<T> left, Vec512<T> right) => Wrap(Vector512.MaxNative(left.Value, right.Value));

    /// <inheritdoc/>
    public static bool IsScaleBNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Avx512F.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ScaleB(Vec512<T> value, Vec512<T> exponent)
    {
        if (!Avx512F.IsSupported)
        {
            return ScaleBits.ScaleB<Vec512<T>, T>(value, exponent);
        }
        return typeof(T) == typeof(float)
            ? Wrap(Avx512F.Scale(value.Value.AsSingle(), exponent.Value.AsSingle()).As<float, T>())
            : Wrap(Avx512F.Scale(value.Value.AsDouble(), exponent.Value.AsDouble()).As<double, T>());
    }

    /// <inheritdoc/>
    public static bool IsLookupSixteenNative
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(float) && Avx512F.IsSupported;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LookupSixteen(Vector512<float> table, Vec512<T> indexBits)
        // vpermps reads only the low four bits of each index lane.
        => typeof(T) == typeof(float) && Avx512F.IsSupported
            ? Wrap(Avx512F.PermuteVar16x32(table, indexBits.Value.AsInt32()).As<float, T>())
            : Lanes.LookupSixteen<Vec512<T>, T>(table, indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> LookupEight(Vector256<float> table, Vec512<T> indexBits)
        // With AVX-512 the table doubled is a sixteen-entry one; with AVX2 alone, one permute per half.
        => typeof(T) != typeof(float) ? Lanes.LookupSixteen<Vec512<T>, T>(Vector512.Create(table, table), indexBits)
            : Avx512F.IsSupported ? Wrap(Avx512F.PermuteVar16x32(Vector512.Create(table, table), indexBits.Value.AsInt32()).As<float, T>())
            : Avx2.IsSupported ? Wrap(Vector512.Create(Avx2.PermuteVar8x32(table, indexBits.Value.AsInt32().GetLower()), Avx2.PermuteVar8x32(table, indexBits.Value.AsInt32().GetUpper())).As<float, T>())
            : Lanes.LookupSixteen<Vec512<T>, T>(Vector512.Create(table, table), indexBits);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Round(Vec512<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector512.Round(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector512.Round(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> Floor(Vec512<T> value) => typeof(T) == typeof(float)
        ? Wrap(Vector512.Floor(value.Value.AsSingle()).As<float, T>())
        : Wrap(Vector512.Floor(value.Value.AsDouble()).As<double, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> AddBits(Vec512<T> left, Vec512<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() + right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() + right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> SubtractBits(Vec512<T> left, Vec512<T> right) => typeof(T) == typeof(float)
        ? Wrap((left.Value.AsInt32() - right.Value.AsInt32()).As<int, T>())
        : Wrap((left.Value.AsInt64() - right.Value.AsInt64()).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ShiftLeftBits(Vec512<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector512.ShiftLeft(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector512.ShiftLeft(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ShiftRightArithmeticBits(Vec512<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector512.ShiftRightArithmetic(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector512.ShiftRightArithmetic(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec512<T> ShiftRightLogicalBits(Vec512<T> value, int count) => typeof(T) == typeof(float)
        ? Wrap(Vector512.ShiftRightLogical(value.Value.AsInt32(), count).As<int, T>())
        : Wrap(Vector512.ShiftRightLogical(value.Value.AsInt64(), count).As<long, T>());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyTrue(Vec512<T> mask) => Vector512.ExtractMostSignificantBits(mask.Value) != 0;
}
