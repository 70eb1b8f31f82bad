using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    private const double TwoOverPi = 0.6366197723675814;
    // π/2 = P1 + P2 + P3 to about 160 bits. With a fused multiply-add, x − n P1 is exact (the result is a
    // multiple of 2^-52 below 1), so the reduction keeps full relative accuracy up to TrigFastLimit.
    private const double PiOver2P1 = 1.5707963267948966;
    private const double PiOver2P2 = 6.123233995736766e-17;
    private const double PiOver2P3 = -1.4973849048591698e-33;
    // Beyond this the lanes go to the scalar library (exact Payne–Hanek reduction).
    private const double TrigFastLimit = 1e5;

    /// <summary>Sine (radians); vector range reduction up to |x| = 1e5, the scalar library beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sin<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, double>(x, &Math.Sin);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV result = SinCosSelect(r, quadrant);
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, double>(far, x, result, &Math.Sin) : result;
    }

    /// <summary>Cosine (radians); vector range reduction up to |x| = 1e5, the scalar library beyond.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Cos<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, double>(x, &Math.Cos);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV result = SinCosSelect(r, TV.AddBits(quadrant, TV.CreateBits(1)));
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, double>(far, x, result, &Math.Cos) : result;
    }

    /// <summary>Tangent (radians), as a quotient of the sine and cosine polynomials of the reduced argument.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tan<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, double>(x, &Math.Tan);
        }
        TV r = ReducePiOver2(x, out TV quadrant);
        TV s = SinReduced(r), c = CosReduced(r);
        // tan(r + π/2) = −cos r / sin r; a shift of π leaves tan unchanged.
        TV odd = TV.ShiftRightArithmeticBits(TV.ShiftLeftBits(quadrant, 63), 63);
        TV result = TV.ConditionalSelect(odd, -c, s) / TV.ConditionalSelect(odd, s, c);
        TV far = TV.Not(TV.LessThanOrEqual(TV.Abs(x), TV.Create(TrigFastLimit)));
        return TV.AnyTrue(far) ? Lanes.MapWhere<TV, double>(far, x, result, &Math.Tan) : result;
    }

    /// <summary>Arctangent, reduced to |t| ≤ tan(π/8) by atan x = π/4 + atan((x−1)/(x+1)) and π/2 − atan(1/x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Atan<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV ax = TV.Abs(x);
        TV above = TV.GreaterThan(ax, TV.Create(2.414213562373095));
        TV middle = TV.AndNot(TV.GreaterThan(ax, TV.Create(0.41421356237309503)), above);
        TV numerator = TV.ConditionalSelect(above, TV.Create(-1.0), TV.ConditionalSelect(middle, ax - TV.Create(1.0), ax));
        TV denominator = TV.ConditionalSelect(above, ax, TV.ConditionalSelect(middle, ax + TV.Create(1.0), TV.Create(1.0)));
        TV t = numerator / denominator;
        // The offsets π/2 and π/4 as hi + lo pairs, so adding them costs no accuracy.
        TV hi = TV.ConditionalSelect(above, TV.Create(1.5707963267948966), TV.And(middle, TV.Create(0.7853981633974483)));
        TV lo = TV.ConditionalSelect(above, TV.Create(6.123233995736766e-17), TV.And(middle, TV.Create(3.061616997868383e-17)));
        // t + t³ Q(t²), Q a degree-10 Chebyshev fit on [0, tan²(π/8)] (relative error 1.4e-16 in Q).
        TV s = t * t;
        TV q = TV.MultiplyAdd(TV.Create(-0.01917688711906226), s, TV.Create(0.03923165829558719));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.0508544973794026));
        q = TV.MultiplyAdd(q, s, TV.Create(0.0585814891280221));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.06664511447381948));
        q = TV.MultiplyAdd(q, s, TV.Create(0.07692183190826087));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.09090904578123903));
        q = TV.MultiplyAdd(q, s, TV.Create(0.11111111015256361));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.14285714284666542));
        q = TV.MultiplyAdd(q, s, TV.Create(0.1999999999999552));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.3333333333333333));
        TV result = hi + (t + TV.MultiplyAdd(q, s * t, lo));
        return TV.Or(result, TV.And(x, TV.CreateBits(SignBit)));
    }

    /// <summary>r = x − n π/2, n = round(2x/π), with n's integer value in each lane's bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ReducePiOver2<TV>(TV x, out TV quadrant) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
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
    private static TV SinCosSelect<TV>(TV r, TV quadrant) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV odd = TV.ShiftRightArithmeticBits(TV.ShiftLeftBits(quadrant, 63), 63);
        TV sign = TV.And(TV.ShiftLeftBits(quadrant, 62), TV.CreateBits(SignBit));
        return TV.Xor(TV.ConditionalSelect(odd, CosReduced(r), SinReduced(r)), sign);
    }

    /// <summary>sin r on |r| ≤ π/4: r + r³ S(r²), S a degree-5 Chebyshev fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV SinReduced<TV>(TV r) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV s = r * r;
        TV p = TV.MultiplyAdd(TV.Create(1.5918129294866608e-10), s, TV.Create(-2.5051131845003624e-08));
        p = TV.MultiplyAdd(p, s, TV.Create(2.755731610255244e-06));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.00019841269836758574));
        p = TV.MultiplyAdd(p, s, TV.Create(0.008333333333330948));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.16666666666666666));
        return TV.MultiplyAdd(p, s * r, r);
    }

    /// <summary>cos r on |r| ≤ π/4: 1 − r²/2 + r⁴ C(r²), C a degree-5 Chebyshev fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV CosReduced<TV>(TV r) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV s = r * r;
        TV p = TV.MultiplyAdd(TV.Create(-1.1382632425521717e-11), s, TV.Create(2.08761462684032e-09));
        p = TV.MultiplyAdd(p, s, TV.Create(-2.7557317271729793e-07));
        p = TV.MultiplyAdd(p, s, TV.Create(2.480158729876569e-05));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.0013888888888887398));
        p = TV.MultiplyAdd(p, s, TV.Create(0.041666666666666664));
        TV halfS = TV.Create(0.5) * s;
        // w = 1 − s/2 rounds; since s/2 ≤ 1, ((1 − w) − s/2) is exactly that rounding error, added back with the r⁴ term.
        TV w = TV.Create(1.0) - halfS;
        return w + (((TV.Create(1.0) - w) - halfS) + p * s * s);
    }
}
