using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    private const float Log2E = 1.44269504f;
    // ln 2 split so that n * Ln2Hi is exact for |n| < 2^15 (Ln2Hi has 9 significant bits): the reduction
    // x - n ln 2 then loses nothing whether or not MultiplyAdd is fused.
    private const float Ln2Hi = 0.693359375f;
    private const float Ln2Lo = -2.12194440e-4f;
    // e^r = 1 + r + r²(½ + r(ExpP3 + r(ExpP4 + r(ExpP5 + r·ExpP6)))) on |r| ≤ ln 2 / 2, a Chebyshev fit. One copy of
    // the coefficients for every exp here, Erfc's and Tanh's scaled forms included (scaling by 2^k is exact).
    private const float ExpP6 = 0.0013926175888627768f;
    private const float ExpP5 = 0.008363173343241215f;
    private const float ExpP4 = 0.041666556149721146f;
    private const float ExpP3 = 0.16666577756404877f;
    // 1.5 * 2^23: adding it rounds to an integer, which then sits in the low mantissa bits of the sum.
    private const float Shifter = 12582912f;
    private const uint ShifterBits = 0x4B40_0000;
    // The shifter plus 254 (two exponent biases): see Exp.
    private const float BiasedShifter = 12583166f;
    // The shifter plus 127 + 64 (the bias of 2^(n + 64)) and 2^−64: see ExpOfModerate.
    private const float ModerateShifter = 12583103f;
    private const float TwoToMinus64 = 1f / 18446744073709551616f;

    // 1.5 * 2^19: adding it rounds to a multiple of 1/16, whose sixteenths then sit in the low four mantissa bits.
    private const float SixteenthsShifter = 786432f;

    // 1.5·2^20 plus 127 + 64: adding x/ln 2 to it rounds to a multiple n/8 and leaves n + 8·(127 + 64) in the low bits.
    private const float EighthsShifter = 1573055f;

    /// <summary>2^(j/8) for j = 0…7, each rounded to float (the even entries of <see cref="TwoToSixteenths"/>), times 2^−64.</summary>
    private static Vector256<float> TwoToEighthsOver2To64
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create(
            1.0f * TwoToMinus64, 1.0905077457427979f * TwoToMinus64, 1.1892070770263672f * TwoToMinus64, 1.2968395948410034f * TwoToMinus64,
            1.4142135381698608f * TwoToMinus64, 1.5422108173370361f * TwoToMinus64, 1.6817928552627563f * TwoToMinus64, 1.8340080976486206f * TwoToMinus64);
    }

    /// <summary>2^(j/8) ÷ its float − 1: the even entries of <see cref="TwoToSixteenthsRounding"/>.</summary>
    private static Vector256<float> TwoToEighthsRounding
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.Create(
            0.0f, -1.19921575e-08f, 3.193418e-08f, -3.099072e-08f, 1.7114271e-08f, 5.233334e-09f, -1.4719605e-08f, -6.1282597e-09f);
    }

    /// <summary>2^(j/16) for j = 0…15, each rounded to float (built from constants, which the JIT folds into one).</summary>
    private static Vector512<float> TwoToSixteenths
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            1.0f, 1.0442737340927124f, 1.0905077457427979f, 1.1387885808944702f, 1.1892070770263672f, 1.2418577671051025f,
            1.2968395948410034f, 1.3542555570602417f, 1.4142135381698608f, 1.4768261909484863f, 1.5422108173370361f,
            1.610490322113037f, 1.6817928552627563f, 1.7562521696090698f, 1.8340080976486206f, 1.9152065515518188f);
    }

    /// <summary>2^(j/16) ÷ <see cref="TwoToSixteenths"/>[j] − 1: each entry's rounding, as a relative correction.</summary>
    private static Vector512<float> TwoToSixteenthsRounding
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.Create(
            0.0f, 4.628547e-08f, -1.19921575e-08f, 4.7297824e-08f, 3.193418e-08f, 3.6210572e-08f, -3.099072e-08f,
            -7.475213e-09f, 1.7114271e-08f, -3.0476834e-08f, 5.233334e-09f, 6.1075918e-09f, -1.4719605e-08f,
            -5.258795e-09f, -6.1282597e-09f, 5.1406093e-09f);
    }

    /// <summary>e raised to x; +∞ above about 88.72, subnormal results rounded once, 0 below about −103.97.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        // The clamp (constants first, so NaN survives) only keeps r and n in range for huge and infinite x.
        => ExpOfClamped(TV.MinNative(TV.Create(89f), TV.MaxNative(TV.Create(-110f), x)));

    /// <summary>e^x for x ≤ 89 or NaN: one clamp fewer than <see cref="Exp{TV}"/> (with AVX-512, the Gaussians' and erf's exp: see <see cref="ExpUpTo20{TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpUpTo89<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => ExpOfClamped(TV.MaxNative(TV.Create(-110f), x));

    /// <summary>
    /// e^x for x ≤ 20 or NaN, for sigmoid, softplus, tanh∘softplus and the derivatives of these and of tanh. With
    /// AVX-512 it takes a table (1.02 ulp against <see cref="ExpUpTo89{TV}"/>'s 0.93, three FMAs fewer); elsewhere it is
    /// <see cref="ExpUpTo20{TV}"/>'s one-factor form. Erf, erfc and the Gaussians keep the untabled exp.
    /// <paramref name="correctTable"/> (a constant at every call, folded) takes out the table entries' rounding:
    /// see <see cref="ExpSixteenths{TV}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpTabledUpTo20<TV>(TV x, bool correctTable = false) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        // TV.IsLookupSixteenNative && TV.IsScaleBNative at every float width, as the ISA check the importer folds, and
        // Avx2 for LookupEight being native at every float width; each arm calls its exp directly (one inline level
        // fewer: the JIT's locals).
    {
        TV clamped = TV.MaxNative(TV.Create(-110f), x);
        return Avx512F.VL.IsSupported ? ExpSixteenths(clamped, correctTable)
            : Avx2.IsSupported ? ExpEighths(clamped, correctTable)
            : ExpOfModerate(clamped);
    }

    /// <summary>e^x for x in [−110, 89] or NaN, where the permute and vscalef are native (AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpSixteenths<TV>(TV x, bool correctTable) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // AVX-512 at 16 lanes: e^x = 2^(n/16)·e^r with n = round(16x/ln 2) and |r| ≤ ln 2/32, where a cubic is enough;
        // 2^(j/16) for j = n mod 16 is one permute, and vscalef applies 2^⌊n/16⌋ (it floors its exponent). Three FMAs
        // fewer than ExpOfClamped for one permute (sigmoid 0.150 → 0.122 ns/element in L1). The table entry's rounding
        // adds half an ulp. Where that matters (softplus, whose log1p passes e^x's error on whole: 3.44 → 2.83 ulp over
        // every float) a second permute adds each entry's relative rounding to e^r − 1, in the FMA that was a multiply;
        // it costs sigmoid and SiLU 7–9% in L1, so they go without.
        TV r = ReduceLn2(x, SixteenthsShifter, out TV t, out TV n);
        TV power = TV.LookupSixteen(TwoToSixteenths, t);
        // e^r − 1 = r + c2 r² + c3 r³, a minimax fit on [−ln 2/32, ln 2/32] (relative error 1e-9).
        TV p = TV.MultiplyAdd(TV.MultiplyAdd(TV.Create(0.1666686236858368f), r, TV.Create(0.5000097751617432f)), r, TV.Create(1f));
        TV q = correctTable ? TV.MultiplyAdd(p, r, TV.LookupSixteen(TwoToSixteenthsRounding, t)) : p * r;
        return TV.ScaleB(TV.MultiplyAdd(power, q, power), n);
    }

    /// <summary>e^x for x in [−110, 20] or NaN, where the eight-entry permute is native but vscalef is not (AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpEighths<TV>(TV x, bool correctTable) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // AVX2's form of ExpSixteenths: e^x = 2^k·2^(j/8)·e^r with n = round(8x/ln 2) = 8k + j and |r| ≤ ln 2/16,
        // where a quartic is enough; 2^(j/8) is one vpermps. Without vscalef, 2^k is applied as ExpOfModerate applies
        // 2^n: the table holds 2^(j/8 − 64) (normal), t's low bits hold n + 8·(127 + 64), so t >> 3 shifted into the
        // exponent field is 2^(k + 64), normal over this range, and the last product rounds once, subnormals included.
        // Two FMAs fewer than ExpOfModerate and a shorter chain, for one permute and one shift.
        TV r = ReduceLn2(x, EighthsShifter, out TV t, out _);
        TV power = TV.LookupEight(TwoToEighthsOver2To64, t);
        // e^r − 1 = r + r²/2 + r³/6 + r⁴/24, the Taylor quartic: its truncation is under 1.3e-9 relative here.
        TV p = TV.MultiplyAdd(TV.MultiplyAdd(TV.MultiplyAdd(TV.Create(1f / 24), r, TV.Create(1f / 6)), r, TV.Create(0.5f)), r, TV.Create(1f));
        TV q = correctTable ? TV.MultiplyAdd(p, r, TV.LookupEight(TwoToEighthsRounding, t)) : p * r;
        return TV.MultiplyAdd(power, q, power) * TV.ShiftLeftBits(TV.ShiftRightLogicalBits(t, 3), 23);
    }

    /// <summary>e^x for x in [−110, 89] or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpOfClamped<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // TV.IsScaleBNative at every width, written as the ISA check so that the importer folds it: through the
        // property the JIT imported and inlined both forms into every kernel, and large kernels ran out of locals.
        if (Avx512F.VL.IsSupported)
        {
            // AVX-512: vscalef applies 2^n with overflow and subnormal rounding done by the hardware.
            TV rc = ReduceLn2(x, Shifter, out _, out TV nc);
            return TV.ScaleB(ExpReduced(rc), nc);
        }

        // Elsewhere 2^n is applied as two factors built in the exponent field, each a normal number, so overflow
        // gives +inf and a subnormal result is rounded once, in the last multiplication. No range test: a branch
        // to a slow path makes the JIT spill the caller's live vectors in the hot loop (the slow path's call
        // clobbers every vector register), which made tanh 4× slower on AVX2.
        TV r = ReduceLn2(x, BiasedShifter, out TV t, out _);
        // t's low bits hold n + 254, so (t >> 1) holds 127 + ⌊n/2⌋ and t − (t >> 1) holds 127 + ⌈n/2⌉: two
        // biased exponents without a bias addition. The shifter's own high bits shift out past bit 31.
        TV half = TV.ShiftRightLogicalBits(t, 1);
        TV low = TV.ShiftLeftBits(half, 23);
        TV high = TV.ShiftLeftBits(TV.SubtractBits(t, half), 23);
        return ExpReduced(r) * low * high;
    }

    /// <summary>
    /// e^x for x ≤ 20 or NaN (the Gaussians' and erf's tail; the sigmoid family's form without AVX-512): as
    /// <see cref="ExpUpTo89{TV}"/>, bit for bit, but without AVX-512 2^n is one factor instead of two.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpUpTo20<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        // The ISA check, not a property, so that the importer folds it and imports one arm (see ExpOfClamped).
        => Avx512F.VL.IsSupported ? ExpUpTo89(x) : ExpOfModerate(TV.MaxNative(TV.Create(-110f), x));

    /// <summary>e^x for x in [−110, 43] or NaN, without vscalef: 4 operations fewer than <see cref="ExpOfClamped{TV}"/>'s exponent-field path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpOfModerate<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // Over this range n + 64 is a normal exponent ([−95, 127]), so 2^n is applied as the one factor 2^(n + 64),
        // the shift of t's low bits (which hold n + 127 + 64) into the exponent field, and a polynomial scaled by
        // 2^−64. Every step of that polynomial is the unscaled one's times 2^−64 exactly (its values stay normal),
        // so the product is 2^n·e^r rounded once, subnormal results included: ExpOfClamped's result, bit for bit.
        TV r = ReduceLn2(x, ModerateShifter, out TV t, out _);
        return ExpReduced(r, TwoToMinus64) * TV.ShiftLeftBits(t, 23);
    }


    /// <summary>e^x − 1, accurate near zero; −1 below about −17, +∞ above about 88.72.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Expm1<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV big = TV.GreaterThan(x, TV.Create(80f));
        // The clamps put the constant first, so NaN survives them.
        TV clamped = TV.MinNative(TV.Create(80f), TV.MaxNative(TV.Create(-30f), x));
        // n = round(x/ln 2) is in [−43, 115], so t's low bits hold n + 127, a normal biased exponent: 2^n is one shift
        // of t (n's own bits and PowerOfTwo would take two integer operations more).
        TV r = ReduceLn2(clamped, ShifterPlusBias, out TV t, out _);
        TV s = TV.ShiftLeftBits(t, 23);
        // e^x - 1 = 2^n expm1(r) + (2^n - 1); the second term is exact wherever cancellation could matter.
        TV result = TV.MultiplyAdd(s, Expm1Reduced(r), s - TV.Create(1f));
        if (TV.AnyTrue(big))
        {
            result = TV.ConditionalSelect(big, Exp(x), result);
        }
        return result;
    }

    /// <summary>
    /// r = x − n ln 2 with n = x/ln 2 rounded by <paramref name="shifter"/> (1.5·2^23 plus an offset rounds to integers,
    /// 1.5·2^20 to eighths, 1.5·2^19 to sixteenths); <paramref name="shifted"/> is the shifter's sum, whose low bits hold n plus the offset,
    /// and <paramref name="n"/> is n as a float. Every exp here reduces this way; each builds its 2^n from what it needs.
    /// </summary>
    /// <remarks>n·Ln2Hi is exact (Ln2Hi has 9 significant bits), so the reduction loses nothing whether or not MultiplyAdd is fused.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ReduceLn2<TV>(TV x, float shifter, out TV shifted, out TV n) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        shifted = TV.MultiplyAdd(x, TV.Create(Log2E), TV.Create(shifter));
        n = shifted - TV.Create(shifter);
        return TV.MultiplyAdd(n, TV.Create(-Ln2Lo), TV.MultiplyAdd(n, TV.Create(-Ln2Hi), x));
    }

    /// <summary>expm1(r) for |r| ≤ ln 2 / 2: r + r² P(r), P a degree-4 Chebyshev fit (relative error 1.4e-7 in P, 2e-8 overall).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1Reduced<TV>(TV r) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV p = TV.MultiplyAdd(TV.Create(ExpP6), r, TV.Create(ExpP5));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP4));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP3));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5f));
        return TV.MultiplyAdd(p, r * r, r);
    }

    /// <summary>
    /// e^r·<paramref name="scale"/> for |r| ≤ ln 2 / 2, the same polynomial as <see cref="Expm1Reduced{TV}"/> with 1 + r
    /// folded in, every coefficient times <paramref name="scale"/>: a power of two and a constant at every call, so the
    /// products are exact and the JIT folds them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpReduced<TV>(TV r, float scale = 1f) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV p = TV.MultiplyAdd(TV.Create(ExpP6 * scale), r, TV.Create(ExpP5 * scale));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP4 * scale));
        p = TV.MultiplyAdd(p, r, TV.Create(ExpP3 * scale));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5f * scale));
        p = TV.MultiplyAdd(p, r, TV.Create(scale));
        return TV.MultiplyAdd(p, r, TV.Create(scale));
    }

    /// <summary>2^n for integer lanes n in [-126, 127], built directly in the exponent field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PowerOfTwo<TV>(TV n) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => TV.ShiftLeftBits(TV.AddBits(n, TV.CreateBits(127)), 23);
}
