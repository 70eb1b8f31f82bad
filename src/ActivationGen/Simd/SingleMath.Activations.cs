using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    private const uint SignBit = 0x8000_0000;

    // The exp shifter plus the exponent bias: the sum's low bits hold 127 + n, so shifting it left by 23 gives 2^n.
    private const float ShifterPlusBias = 12583039f;

    /// <summary>Hyperbolic tangent; saturates to ±1 without NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV ax = TV.Abs(x);
        // Below atanh(1/2) an odd polynomial avoids the cancellation in 1 − 2/(e^2x + 1):
        // x + x³ Q(x²), Q a degree-4 Chebyshev fit (relative error 6e-8 in Q). On |x|, so that −0 keeps its sign.
        TV s = ax * ax;
        TV q = TV.MultiplyAdd(TV.Create(-0.00661022774875164f), s, TV.Create(0.021309388801455498f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.05390942841768265f));
        q = TV.MultiplyAdd(q, s, TV.Create(0.13333113491535187f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.3333333134651184f));
        TV small = TV.MultiplyAdd(q, s * ax, ax);
        // e^2c = 2^n e^2h with c = min(|x|, 10) (beyond 10 the result rounds to 1; constant first, so NaN survives)
        // and h = c − n ln2/2: the doubling lives in the constants (exact scalings), and 2^n, n ≤ 29, is normal, so
        // one shift builds it on every ISA.
        TV c = TV.MinNative(TV.Create(10f), ax);
        TV shifted = TV.MultiplyAdd(c, TV.Create(2 * Log2E), TV.Create(ShifterPlusBias));
        TV n = shifted - TV.Create(ShifterPlusBias);
        TV h = TV.MultiplyAdd(n, TV.Create(-Ln2Lo / 2), TV.MultiplyAdd(n, TV.Create(-Ln2Hi / 2), c));
        TV large = TV.Create(1f) - TV.Create(2f) / TV.MultiplyAdd(ExpOfTwice(h), TV.ShiftLeftBits(shifted, 23), TV.Create(1f));
        TV magnitude = TV.ConditionalSelect(TV.LessThan(ax, TV.Create(0.54930615f)), small, large);
        return TV.Or(magnitude, TV.And(x, TV.CreateBits(SignBit)));
    }

    /// <summary>e^2h for |h| ≤ ln 2 / 4: <see cref="ExpReduced{TV}"/>'s polynomial at r = 2h, each coefficient scaled by its power of two.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpOfTwice<TV>(TV h) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV p = TV.MultiplyAdd(TV.Create(64 * ExpP6), h, TV.Create(32 * ExpP5));
        p = TV.MultiplyAdd(p, h, TV.Create(16 * ExpP4));
        p = TV.MultiplyAdd(p, h, TV.Create(8 * ExpP3));
        p = TV.MultiplyAdd(p, h, TV.Create(2f));
        p = TV.MultiplyAdd(p, h, TV.Create(2f));
        return TV.MultiplyAdd(p, h, TV.Create(1f));
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
