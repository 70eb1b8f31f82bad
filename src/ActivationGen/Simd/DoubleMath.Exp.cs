using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    private const double Log2E = 1.4426950408889634;
    // ln 2 split so that n * Ln2Hi is exact for |n| < 2^21 (Ln2Hi has 32 significant bits).
    private const double Ln2Hi = 0.6931471803691238;
    private const double Ln2Lo = 1.9082149292705877e-10;
    // 1.5 * 2^52: adding it rounds to an integer, which then sits in the low mantissa bits of the sum.
    private const double Shifter = 6755399441055744.0;
    private const ulong ShifterBits = 0x4338_0000_0000_0000;

    /// <summary>e raised to x; +∞ above about 709.78, subnormal results rounded once, 0 below about −745.13.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // TV.IsScaleBNative at every width, written as the ISA check so that the importer folds it: through the
        // property the JIT imported and inlined both forms into every kernel, and large kernels ran out of locals.
        if (Avx512F.VL.IsSupported)
        {
            // AVX-512: vscalef applies 2^n with overflow and subnormal rounding done by the hardware, so no range
            // test is needed; the clamp (constants first, so NaN survives) only keeps r finite for huge and infinite x.
            TV c = TV.MinNative(TV.Create(710.0), TV.MaxNative(TV.Create(-750.0), x));
            TV tc = TV.MultiplyAdd(c, TV.Create(Log2E), TV.Create(Shifter));
            TV nc = tc - TV.Create(Shifter);
            TV rc = TV.MultiplyAdd(nc, TV.Create(-Ln2Hi), c);
            rc = TV.MultiplyAdd(nc, TV.Create(-Ln2Lo), rc);
            return TV.ScaleB(ExpReduced(rc), nc);
        }

        // Elsewhere: while 2^n is a normal number, build it straight from the rounded sum t.
        TV t = TV.MultiplyAdd(x, TV.Create(Log2E), TV.Create(Shifter));
        TV nf = t - TV.Create(Shifter);
        TV r = TV.MultiplyAdd(nf, TV.Create(-Ln2Hi), x);
        r = TV.MultiplyAdd(nf, TV.Create(-Ln2Lo), r);
        TV scale = TV.ShiftLeftBits(TV.AddBits(t, TV.CreateBits(unchecked(1023 - ShifterBits))), 52);
        // e^r as one Horner chain (its last steps add r and 1): one operation fewer than 1 + expm1(r).
        TV result = ExpReduced(r) * scale;
        // One test covers overflow, subnormal and zero results and infinities; NaN flows through the fast path.
        TV outside = TV.GreaterThan(TV.Abs(x), TV.Create(708.0));
        // The slow path is right for every lane, so nothing but x has to survive the call.
        return TV.AnyTrue(outside) ? ExpAnyRange(x) : result;
    }

    /// <summary>e^x for any x: clamped so n fits the exponent arithmetic, 2^n applied as two normal factors.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TV ExpAnyRange<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // NaN fails both tests and passes through.
        x = TV.ConditionalSelect(TV.GreaterThan(x, TV.Create(710.0)), TV.Create(710.0), x);
        x = TV.ConditionalSelect(TV.LessThan(x, TV.Create(-750.0)), TV.Create(-750.0), x);
        TV r = ReduceLn2(x, out TV n);
        TV p = Expm1Reduced(r) + TV.Create(1.0);
        // Each factor is a normal number over the clamped range, so overflow gives +inf and a subnormal
        // result is rounded only once, in the last multiplication.
        TV half = TV.ShiftRightArithmeticBits(n, 1);
        return p * PowerOfTwo(half) * PowerOfTwo(TV.SubtractBits(n, half));
    }

    /// <summary>e^x − 1, accurate near zero; −1 below about −37.4, +∞ above about 709.78.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Expm1<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV big = TV.GreaterThan(x, TV.Create(700.0));
        TV clamped = TV.ConditionalSelect(big, TV.Create(700.0), x);
        clamped = TV.ConditionalSelect(TV.LessThan(clamped, TV.Create(-40.0)), TV.Create(-40.0), clamped);
        TV r = ReduceLn2(clamped, out TV n);
        TV s = PowerOfTwo(n);
        // e^x - 1 = 2^n expm1(r) + (2^n - 1); the second term is exact wherever cancellation could matter.
        TV result = TV.MultiplyAdd(s, Expm1Reduced(r), s - TV.Create(1.0));
        if (TV.AnyTrue(big))
        {
            result = TV.ConditionalSelect(big, Exp(x), result);
        }
        return result;
    }

    /// <summary>r = x − n ln 2 with n = round(x / ln 2); returns r, and n as an integer in each lane's bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ReduceLn2<TV>(TV x, out TV n) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV t = TV.MultiplyAdd(x, TV.Create(Log2E), TV.Create(Shifter));
        TV nf = t - TV.Create(Shifter);
        n = TV.SubtractBits(t, TV.CreateBits(ShifterBits));
        TV r = TV.MultiplyAdd(nf, TV.Create(-Ln2Hi), x);
        return TV.MultiplyAdd(nf, TV.Create(-Ln2Lo), r);
    }

    /// <summary>expm1(r) for |r| ≤ ln 2 / 2: r + r² P(r), P a degree-9 Chebyshev fit (relative error 2.3e-16 in P).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Expm1Reduced<TV>(TV r) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV p = TV.MultiplyAdd(TV.Create(2.5100375832561234e-08), r, TV.Create(2.7620075879983367e-07));
        p = TV.MultiplyAdd(p, r, TV.Create(2.7557268480310024e-06));
        p = TV.MultiplyAdd(p, r, TV.Create(2.4801521322368692e-05));
        p = TV.MultiplyAdd(p, r, TV.Create(0.00019841269863040545));
        p = TV.MultiplyAdd(p, r, TV.Create(0.0013888888917196719));
        p = TV.MultiplyAdd(p, r, TV.Create(0.008333333333330065));
        p = TV.MultiplyAdd(p, r, TV.Create(0.041666666666624164));
        p = TV.MultiplyAdd(p, r, TV.Create(0.16666666666666669));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5000000000000001));
        return TV.MultiplyAdd(p, r * r, r);
    }

    /// <summary>e^r for |r| ≤ ln 2 / 2, the same polynomial as <see cref="Expm1Reduced{TV}"/> with 1 + r folded in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpReduced<TV>(TV r) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV p = TV.MultiplyAdd(TV.Create(2.5100375832561234e-08), r, TV.Create(2.7620075879983367e-07));
        p = TV.MultiplyAdd(p, r, TV.Create(2.7557268480310024e-06));
        p = TV.MultiplyAdd(p, r, TV.Create(2.4801521322368692e-05));
        p = TV.MultiplyAdd(p, r, TV.Create(0.00019841269863040545));
        p = TV.MultiplyAdd(p, r, TV.Create(0.0013888888917196719));
        p = TV.MultiplyAdd(p, r, TV.Create(0.008333333333330065));
        p = TV.MultiplyAdd(p, r, TV.Create(0.041666666666624164));
        p = TV.MultiplyAdd(p, r, TV.Create(0.16666666666666669));
        p = TV.MultiplyAdd(p, r, TV.Create(0.5000000000000001));
        p = TV.MultiplyAdd(p, r, TV.Create(1.0));
        return TV.MultiplyAdd(p, r, TV.Create(1.0));
    }

    /// <summary>2^n for integer lanes n in [-1022, 1023], built directly in the exponent field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PowerOfTwo<TV>(TV n) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => TV.ShiftLeftBits(TV.AddBits(n, TV.CreateBits(1023)), 52);
}
