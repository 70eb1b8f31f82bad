using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    // The normal tail is computed as N·2^(n+64)·e^(−c·r)/(D·2^64), the 2^64 folded into D's coefficients, so that
    // 2^(n+64) stays a normal float down to n = −152 and a subnormal result is rounded once, by the division.
    private const float TwoTo64 = 1.8446744073709552e19f;

    /// <summary>
    /// Complementary error function 1 − erf(x), accurate in relative terms where it is tiny (erfc(9) = 4e-37).
    /// erfc(|x|) = 2Φ(−|x|√2) = e^(−x²)·2R(|x|√2), with x² taken exactly and R the rational fit of
    /// <see cref="NormalTailDenominator{TV}"/> (its coefficients scaled by √2^k, so that x√2 is never rounded);
    /// 2 − that for negative x (no cancellation: erfc(|x|) ≤ 1). One formula on the whole line, no lane selection.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erfc<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // Beyond 10.25 erfc is below half the smallest subnormal; the clamp (constant first, so NaN survives) keeps
        // the exponent's scale normal.
        TV s = TV.MinNative(TV.Create(10.25f), TV.Abs(x));
        TV s2 = s * s;
        TV s4 = s2 * s2;
        // 2N(s√2) (the 2 of 2Φ folded in) over D(s√2)·2^64; the coefficients rounded to float, then each moved by a
        // few units in its last place where that lowered the largest error of the float evaluation (3.9 → 3.3 ulp on
        // 50,000 points of [0.5, 9.19], simulated).
        const float k = TwoTo64;
        TV n = Estrin(s, s2, s4, 1f, 1.2396847f, 0.732939482f, 0.229855597f, 0.0329302698f, 0f);
        TV d = Estrin(s, s2, s4, k, 2.3680644f * k, 2.4050045f * k, 1.32786143f * k, 0.407434195f * k, 0.0583667085f * k);
        TV tail = GaussianRatio(n, d, s, s2, 1f);
        tail = TV.ConditionalSelect(TV.LessThan(x, TV.Create(0f)), TV.Create(2f) - tail, tail);
        // Near 0 erfc is just below 1, where a rounding of the tail's terms (near 1 and above) costs a whole ulp:
        // 1 − erf's odd polynomial there.
        return TV.ConditionalSelect(TV.LessThan(s, TV.Create(0.5f)), TV.Create(1f) - ErfNearZero(x), tail);
    }

    /// <summary>
    /// erfc(x/√2) = 2Φ(−x), the normal tail, with e^(−x²/2) taken from the exact x² and R at x itself, so that no
    /// rounding of x/√2 (which e^(−u²) would magnify 2u² times) reaches the result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ErfcOverRoot2<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV a = TV.MinNative(TV.Create(14.5f), TV.Abs(x));
        TV a2 = a * a;
        TV a4 = a2 * a2;
        TV n = Estrin(a, a2, a4, 1f, 2 * 0.4382947f, 2 * 0.18323487f, 2 * 0.040633112f, 2 * 0.0041162837f, 0f);
        TV tail = GaussianRatio(n, NormalTailDenominator(a, a2, a4), a, a2, 0.5f);
        tail = TV.ConditionalSelect(TV.LessThan(x, TV.Create(0f)), TV.Create(2f) - tail, tail);
        return TV.ConditionalSelect(TV.LessThan(a, TV.Create(0.5f)), TV.Create(1f) - ErfNearZero(x * TV.Create(0.70710677f)), tail);
    }

    /// <summary>
    /// D·2^64, for D of R(a) = Φ(−a)·e^(a²/2) ≈ N(a)/D(a), the rational of degree 4/5 fitted on [0, 14.5] for relative error
    /// (5.9e-9, 0.1 ulp, before its coefficients are rounded to float), N = 0.5 + 0.4382947a + 0.18323487a² +
    /// 0.040633112a³ + 0.0041162837a⁴. Its coefficients are all positive.
    /// </summary>
    /// <remarks>
    /// Both polynomials go by Estrin's scheme with the same a² and a⁴, not by Horner: for large a, N and D are then
    /// a⁴ times a linear term, the rounding of a⁴ cancels in N/D, and two roundings remain on each side where
    /// Horner's rule has five (measured: R within 2.9 ulp against Horner's 4.1; GELU's tail 3.8 against 4.9).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV NormalTailDenominator<TV>(TV a, TV a2, TV a4) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Estrin(a, a2, a4, TwoTo64, 1.6744744f * TwoTo64, 1.2025023f * TwoTo64, 0.4694699f * TwoTo64, 0.10185856f * TwoTo64, 0.010317873f * TwoTo64);

    /// <summary>c0 + c1·a + … + c5·a⁵ as (c0 + c1·a) + a²(c2 + c3·a) + a⁴(c4 + c5·a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Estrin<TV>(TV a, TV a2, TV a4, float c0, float c1, float c2, float c3, float c4, float c5)
        where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV high = c5 == 0f ? TV.Create(c4) : TV.MultiplyAdd(TV.Create(c5), a, TV.Create(c4));
        TV low = c0 == 0f ? TV.Create(c1) * a : TV.MultiplyAdd(TV.Create(c1), a, TV.Create(c0));
        return TV.MultiplyAdd(a4, high, TV.MultiplyAdd(a2, TV.MultiplyAdd(TV.Create(c3), a, TV.Create(c2)), low));
    }

    // The shifter plus 191: its sum's low bits hold n + 191, the biased exponent of 2^(n+64).
    private const float GaussianShifter = 12583103f;

    /// <summary>
    /// (<paramref name="numerator"/>·e^(−c·s²)·2^64)/<paramref name="denominator"/> for c = ½ or 1, 0 ≤ s with
    /// c·s² ≤ 106 (or NaN), and s² the rounded square, the denominator's coefficients carrying the 2^64:
    /// e^(−c·s²) = 2^n·(1 + r·S(r)), numerator·2^(n+64) is exact (a power of two times a normal float), the exp's
    /// own rounding and its product with the numerator are one fused multiply-add, and the division rounds the
    /// result once, subnormal or not.
    /// </summary>
    /// <remarks>
    /// n = round(−c·s²/ln 2) by the shifter trick; r = s² + n·ln 2/c from one fused multiply-add of the exact s²
    /// (no split of s² into two floats: |r| ≤ 0.7 is rounded once), then the low part of ln 2; 1 + r·S(r) is
    /// <see cref="ExpReduced{TV}"/>'s polynomial at −c·r with (−c)^k folded into its coefficients (exact: c is a
    /// power of two) and its constant 1 split off. 2^(n+64) is built in the exponent field.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV GaussianRatio<TV>(TV numerator, TV denominator, TV s, TV s2, float c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV t = TV.MultiplyAdd(s2, TV.Create(-c * Log2E), TV.Create(GaussianShifter));
        TV n = t - TV.Create(GaussianShifter);
        // n·Ln2Hi/c is exact (Ln2Hi has 9 bits, |n| ≤ 152).
        TV r;
        if (Fma.IsSupported || AdvSimd.IsSupported) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            r = TV.MultiplyAdd(s, s, n * TV.Create(Ln2Hi / c));
        }
        else
        {
            // s = high + low with high's top 12 bits: high² is exact and (s + high)·low carries the rest.
            TV high = TV.And(s, TV.CreateBits(0xFFFF_F000));
            r = (high * high + n * TV.Create(Ln2Hi / c)) + (s + high) * (s - high);
        }
        r = TV.MultiplyAdd(n, TV.Create(Ln2Lo / c), r);
        float m = -c, m2 = m * m, m3 = m2 * m, m4 = m2 * m2, m5 = m4 * m, m6 = m3 * m3;
        TV p = TV.MultiplyAdd(TV.Create(ExpP6 * m6), r, TV.Create(ExpP5 * m5));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP4 * m4));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP3 * m3));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5f * m2));
        p = TV.MultiplyAdd(p, r, TV.Create(m));
        TV scaled = numerator * TV.ShiftLeftBits(t, 23);
        return TV.MultiplyAdd(scaled, p * r, scaled) / denominator;
    }
}
