using System.Runtime.Intrinsics;
using System.ComponentModel;
using System.Numerics;

namespace ActivationGen.Simd;

/// <summary>
/// The few primitives beyond <see cref="IVector{TSelf, T}"/> that the vector math needs: rounding, square root,
/// and integer views of the lanes (a lane of <c>float</c> is seen as an <c>int</c>, of <c>double</c> as a
/// <c>long</c>), which is how exponents are taken apart and put together.
/// </summary>
/// <remarks>Public only because the constraints of <see cref="SingleMath"/> and <see cref="DoubleMath"/> name it.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVectorBits<TSelf, T> : IVector<TSelf, T>
    where TSelf : struct, IVectorBits<TSelf, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Every lane holds the raw bit pattern <paramref name="bits"/> (the low 32 bits for <c>float</c>).</summary>
    static abstract TSelf CreateBits(ulong bits);

    /// <summary>True when <see cref="IVector{TSelf, T}.MultiplyAdd"/> rounds once (the exact range reductions rely on it).</summary>
    static abstract bool IsMultiplyAddFused { get; }

    /// <summary>Bitwise exclusive or (sign flips).</summary>
    static abstract TSelf Xor(TSelf left, TSelf right);

    /// <summary>Correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf value);

    /// <summary>The value with its sign bit cleared.</summary>
    static abstract TSelf Abs(TSelf value);

    /// <summary>IEEE 754-2019 minimum: NaN if either lane is NaN, −0 below +0.</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>IEEE 754-2019 maximum: NaN if either lane is NaN, +0 above −0.</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>The hardware minimum: cheap, but NaN and ±0 behave per platform. Passing a constant first keeps a NaN
    /// in <paramref name="right"/> on x86 (which returns the second operand) and on Arm (which propagates NaN).</summary>
    static abstract TSelf MinNative(TSelf left, TSelf right);

    /// <summary>The hardware maximum; see <see cref="MinNative"/> for NaN.</summary>
    static abstract TSelf MaxNative(TSelf left, TSelf right);

    /// <summary>True when <see cref="ScaleB"/> is a single instruction (AVX-512 vscalef).</summary>
    static abstract bool IsScaleBNative { get; }

    /// <summary>
    /// <paramref name="value"/> · 2^<paramref name="exponent"/> for integer-valued exponent lanes, rounded once: overflow gives
    /// ±∞ and subnormal results are correctly rounded. Without hardware support the exponent is clamped to the range
    /// where the result can still be finite and non-zero ([−252, 254] for float, [−2044, 2046] for double).
    /// </summary>
    static abstract TSelf ScaleB(TSelf value, TSelf exponent);

    /// <summary>True when <see cref="LookupSixteen"/> is one permute instruction (AVX-512, 16 float lanes).</summary>
    static abstract bool IsLookupSixteenNative { get; }

    /// <summary>
    /// Per lane, entry i of the 16 floats of <paramref name="table"/> (as <typeparamref name="T"/>), with i the low four
    /// bits of that lane of <paramref name="indexBits"/> read as an integer. Lane by lane where it is not native.
    /// </summary>
    /// <remarks>The table is a vector, not a span: a span over constant data allocates on every call in unoptimized code.</remarks>
    static abstract TSelf LookupSixteen(Vector512<float> table, TSelf indexBits);

    /// <summary>
    /// Per lane, entry i of the 8 floats of <paramref name="table"/> (as <typeparamref name="T"/>), with i the low three
    /// bits of that lane of <paramref name="indexBits"/> read as an integer: one AVX2 permute at every float width up to
    /// 256 bits (two for 512), lane by lane elsewhere.
    /// </summary>
    static abstract TSelf LookupEight(Vector256<float> table, TSelf indexBits);

    /// <summary>Rounds to the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf value);

    /// <summary>Rounds toward negative infinity.</summary>
    static abstract TSelf Floor(TSelf value);

    /// <summary>Lane-wise two's-complement integer addition of the bit patterns.</summary>
    static abstract TSelf AddBits(TSelf left, TSelf right);

    /// <summary>Lane-wise two's-complement integer subtraction of the bit patterns.</summary>
    static abstract TSelf SubtractBits(TSelf left, TSelf right);

    /// <summary>Shifts each lane's bit pattern left.</summary>
    static abstract TSelf ShiftLeftBits(TSelf value, int count);

    /// <summary>Shifts each lane's bit pattern right, copying the sign bit.</summary>
    static abstract TSelf ShiftRightArithmeticBits(TSelf value, int count);

    /// <summary>Shifts each lane's bit pattern right, filling with zeros.</summary>
    static abstract TSelf ShiftRightLogicalBits(TSelf value, int count);

    /// <summary>True if any of the <see cref="IVector{TSelf, T}.Count"/> lanes of the mask is set.</summary>
    static abstract bool AnyTrue(TSelf mask);
}
