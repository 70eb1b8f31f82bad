using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    private const uint SignBit = 0x8000_0000;

    // The exp shifter plus the exponent bias: the sum's low bits hold 127 + n, so shifting it left by 23 gives 2^n.
    private const float ShifterPlusBias = 12583039f;

    // ln 2 / 2 rounded to float: n times its rounding error (9.5e-10) is under 0.03 ulp of tanh for every n ≤ 24.
    private const float HalfLn2 = 0.346573591f;

    /// <summary>Hyperbolic tangent; saturates to ±1 without NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // On a = min(|x|, 9.1) (tanh rounds to 1 from 9.011; constant first, so NaN survives), a = n·ln2/2 + h with
        // n = max(round(2a/ln 2) − 2, 0): h = a below 0.866, h ∈ [0.52, 0.866] above. With K = e^(n ln 2) = 2^n and
        // τ = tanh h, tanh a = ((K − 1) + (K + 1)τ)/((K + 1) + (K − 1)τ) = 1 − (1 − τ)/D, D = ((K + 1) + (K − 1)τ)/2:
        // for n ≥ 1 the result is at least 0.7 and the quotient's roundings are damped by 1 − tanh a. As one form:
        // c + v/D with c = min(n, 1), v = τ − c and D = K + v(K − 1)/2, which for n = 0 is τ/1 exactly.
        TV a = TV.MinNative(TV.Create(9.1f), TV.Abs(x));
        TV t = TV.MaxNative(TV.MultiplyAdd(a, TV.Create(2 * Log2E), TV.Create(ShifterPlusBias - 2)), TV.Create(ShifterPlusBias));
        TV n = t - TV.Create(ShifterPlusBias);
        // n·(ln 2/2) in one fused step (its constant's rounding is negligible, above); unfused, in two exact parts.
        TV h = Fma.IsSupported || AdvSimd.IsSupported
            ? TV.MultiplyAdd(n, TV.Create(-HalfLn2), a)
            : TV.MultiplyAdd(n, TV.Create(-Ln2Lo / 2), TV.MultiplyAdd(n, TV.Create(-Ln2Hi / 2), a));
        TV c = TV.MinNative(n, TV.Create(1f));
        // τ = h + h³Q(h²), Q a degree-5 minimax fit on [0, 0.8666] (relative error 1.3e-8 in τ after rounding).
        TV s = h * h;
        TV q = TV.MultiplyAdd(TV.Create(0.0013940006f), s, TV.Create(-0.0070505748f));
        q = TV.MultiplyAdd(q, s, TV.Create(0.02105304f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.05377388f));
        q = TV.MultiplyAdd(q, s, TV.Create(0.13331155f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.3333325f));
        TV v = TV.MultiplyAdd(q, s * h, h - c);
        // K = 2^n from t's bits, and (K − 1)/2 exact: n ≤ 24 for a ≤ 9.1.
        TV k = TV.ShiftLeftBits(t, 23);
        TV magnitude = c + v / TV.MultiplyAdd(TV.MultiplyAdd(k, TV.Create(0.5f), TV.Create(-0.5f)), v, k);
        // x's sign: one ternary-logic operation with AVX-512 (the bitwise select there at every width), else and + or.
        return Avx512F.IsSupported
            ? TV.ConditionalSelect(TV.CreateBits(SignBit), x, magnitude)
            : TV.Or(magnitude, TV.And(x, TV.CreateBits(SignBit)));
    }

    /// <summary>1 / (1 + e^−x), without overflow for any x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // e^−|x| never overflows; for x < 0, σ(x) = e^x / (1 + e^x) keeps full relative accuracy.
        TV e = ExpTabledUpTo20(NegativeAbs(x));
        // The sign bit smeared over the lane is the mask of x < 0 (and of −0, where both forms give 1/2): one shift
        // instead of a comparison, which on AVX-512 also needs its mask moved from k to a vector.
        TV negative = TV.ShiftRightArithmeticBits(x, 31);
        return TV.ConditionalSelect(negative, e, TV.Create(1f)) / (TV.Create(1f) + e);
    }

    /// <summary>log(1 + e^x), computed as max(x, 0) + log1p(e^−|x|): exactly x for large x, e^x for very negative x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Softplus<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        // The native max (NaN kept: constant first) is enough, as NaN and ±0 give the same sum either way.
        => TV.MaxNative(TV.Create(0f), x) + Log1pOfUnit(ExpTabledUpTo20(NegativeAbs(x), correctTable: true));

    /// <summary>
    /// tanh(softplus(x)), the core of mish: n / (n + 2) with n = e^x (e^x + 2). One exp and one division instead
    /// of a softplus and a tanh, and no cancellation: for very negative x it is e^x to full relative accuracy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhSoftplus<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // Above 20 the ratio rounds to 1; the clamp (native, constant first so NaN survives) keeps n finite.
        TV e = ExpTabledUpTo20(TV.MinNative(TV.Create(20f), x));
        TV n = e * (e + TV.Create(2f));
        return n / (n + TV.Create(2f));
    }

    /// <summary>
    /// log(1 + t) for t in [0, 1], as softplus needs it: 2 atanh(s) with s = t / (2 + t) in [0, 1/3], an odd
    /// series in s that needs no range reduction and no special cases: 2s + s·z·q(z), z = s² ≤ 1/9. q is a cubic
    /// fitted minimax to the series' tail on [0, 1/9], weighted by the share z/(2 + z·q) the tail has in the
    /// result: it leaves 0.075 ulp there, where the truncated series leaves 0.25 with six terms and 2.6 with five.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Log1pOfUnit<TV>(TV t) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV s = t / (TV.Create(2f) + t);
        TV z = s * s;
        TV q = TV.MultiplyAdd(TV.Create(0.2801222f), z, TV.Create(0.2800176f));
        q = TV.MultiplyAdd(q, z, TV.Create(0.4002153f));
        q = TV.MultiplyAdd(q, z, TV.Create(0.6666642f));
        return TV.MultiplyAdd(s * z, q, s + s);
    }

    /// <summary>−|x| as one instruction (the sign bit set) instead of an and and an xor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV NegativeAbs<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => TV.Or(x, TV.CreateBits(SignBit));
}
