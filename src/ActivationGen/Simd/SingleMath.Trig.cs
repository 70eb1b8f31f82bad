using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    private const float TwoOverPi = 0.636619747f;
    // π/2 = P1 + P2 + P3 to about 72 bits. With a fused multiply-add, x − n P1 is exact (the result is a
    // multiple of 2^-23 below 1), so the reduction keeps full relative accuracy up to TrigFastLimit.
    private const float PiOver2P1 = 1.5707963705062866f;
    private const float PiOver2P2 = -4.371138828673793e-08f;
    private const float PiOver2P3 = -1.7151245100058819e-15f;
    // Beyond this the lanes go to the scalar double-precision library (exact Payne–Hanek reduction).
    private const float TrigFastLimit = 1e5f;

    /// <summary>Sine (radians); vector range reduction up to |x| = 1e5, the scalar library beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sin<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, float>(x, &ScalarSin);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV result = SinCosSelect(r, quadrant);
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, float>(far, x, result, &ScalarSin) : result;
    }

    /// <summary>Cosine (radians); vector range reduction up to |x| = 1e5, the scalar library beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Cos<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, float>(x, &ScalarCos);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV result = SinCosSelect(r, TV.AddBits(quadrant, TV.CreateBits(1)));
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, float>(far, x, result, &ScalarCos) : result;
    }

    /// <summary>Tangent (radians), as a quotient of the sine and cosine polynomials of the reduced argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tan<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, float>(x, &ScalarTan);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV s = SinReduced(r), c = CosReduced(r);
        // tan(r + π/2) = −cos r / sin r; a shift of π leaves tan unchanged.
        TV odd = TV.ShiftRightArithmeticBits(TV.ShiftLeftBits(quadrant, 31), 31);
        TV result = TV.ConditionalSelect(odd, -c, s) / TV.ConditionalSelect(odd, s, c);
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, float>(far, x, result, &ScalarTan) : result;
    }

    /// <summary>Arctangent, reduced to |t| ≤ tan(π/8) by atan x = π/4 + atan((x−1)/(x+1)) and π/2 − atan(1/x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Atan<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV ax = TV.Abs(x);
        TV above = TV.GreaterThan(ax, TV.Create(2.41421356f));
        TV middle = TV.AndNot(TV.GreaterThan(ax, TV.Create(0.414213562f)), above);
        TV numerator = TV.ConditionalSelect(above, TV.Create(-1f), TV.ConditionalSelect(middle, ax - TV.Create(1f), ax));
        TV denominator = TV.ConditionalSelect(above, ax, TV.ConditionalSelect(middle, ax + TV.Create(1f), TV.Create(1f)));
        TV t = numerator / denominator;
        // The offsets π/2 and π/4 as hi + lo pairs, so adding them costs no accuracy.
        TV hi = TV.ConditionalSelect(above, TV.Create(1.5707963705062866f), TV.And(middle, TV.Create(0.7853981852531433f)));
        TV lo = TV.ConditionalSelect(above, TV.Create(-4.371138828673793e-08f), TV.And(middle, TV.Create(-2.1855694143368964e-08f)));
        // t + t³ Q(t²), Q a degree-4 Chebyshev fit on [0, tan²(π/8)] (relative error 6e-8 in Q).
        TV s = t * t;
        TV q = TV.MultiplyAdd(TV.Create(-0.06451927870512009f), s, TV.Create(0.10743731260299683f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.14263956248760223f));
        q = TV.MultiplyAdd(q, s, TV.Create(0.19999539852142334f));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.3333333134651184f));
        TV result = hi + (t + TV.MultiplyAdd(q, s * t, lo));
        return TV.Or(result, TV.And(x, TV.CreateBits(SignBit)));
    }

    /// <summary>r = x − n π/2, n = round(2x/π), with n's integer value in each lane's bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ReducePiOver2<TV>(TV x, out TV quadrant) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV t = TV.MultiplyAdd(x, TV.Create(TwoOverPi), TV.Create(Shifter));
        TV n = t - TV.Create(Shifter);
        quadrant = TV.SubtractBits(t, TV.CreateBits(ShifterBits));
        TV r = TV.MultiplyAdd(n, TV.Create(-PiOver2P1), x);
        r = TV.MultiplyAdd(n, TV.Create(-PiOver2P2), r);
        return TV.MultiplyAdd(n, TV.Create(-PiOver2P3), r);
    }

    /// <summary>sin(r + quadrant π/2) from the two polynomials: odd quadrants swap to cosine, bit 1 flips the sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SinCosSelect<TV>(TV r, TV quadrant) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV odd = TV.ShiftRightArithmeticBits(TV.ShiftLeftBits(quadrant, 31), 31);
        TV sign = TV.And(TV.ShiftLeftBits(quadrant, 30), TV.CreateBits(SignBit));
        return TV.Xor(TV.ConditionalSelect(odd, CosReduced(r), SinReduced(r)), sign);
    }

    /// <summary>sin r on |r| ≤ π/4: r + r³ S(r²), S a degree-2 Chebyshev fit (0.25 ulp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SinReduced<TV>(TV r) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV s = r * r;
        TV p = TV.MultiplyAdd(TV.Create(-0.00019587890710681677f), s, TV.Create(0.008332747966051102f));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.166666641831398f));
        return TV.MultiplyAdd(p, s * r, r);
    }

    /// <summary>cos r on |r| ≤ π/4: 1 − r²/2 + r⁴ C(r²), C a degree-2 Chebyshev fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV CosReduced<TV>(TV r) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV s = r * r;
        TV p = TV.MultiplyAdd(TV.Create(2.454794230288826e-05f), s, TV.Create(-0.001388830249197781f));
        p = TV.MultiplyAdd(p, s, TV.Create(0.0416666641831398f));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.5f));
        return TV.MultiplyAdd(p, s, TV.Create(1f));
    }

    private static float ScalarSin(float x) => (float)Math.Sin(x);

    private static float ScalarCos(float x) => (float)Math.Cos(x);

    private static float ScalarTan(float x) => (float)Math.Tan(x);
}
