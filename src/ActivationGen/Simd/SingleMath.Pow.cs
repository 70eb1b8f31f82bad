using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    private const float Ln2Lo2 = 1.6465949697480609e-12f;
    // Beyond this |b| the rounding error of the cubic log term, multiplied by b, could exceed about 2 ulp;
    // such lanes (with a finite, non-trivial result) go to the scalar library.
    private const float PowFastExponentLimit = 64f;

    /// <summary>
    /// a raised to b with the special cases of Math.Pow (b = 0 or a = 1 give 1 even for NaN, negative a needs an
    /// integer b, signed zeros and infinities by the parity of b). Computed as e^(b log|a|) with log|a| in
    /// double-float precision, so the result stays within a few ulp even when b log|a| is large.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Pow<TV>(TV a, TV b) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        if (!(Fma.IsSupported || AdvSimd.IsSupported)) // TV.IsMultiplyAddFused, as ISA checks the importer folds
        {
            return Lanes.Map<TV, float>(a, b, &ScalarPow);
        }
        // The core works on |a|, so negative bases need only the sign and parity fix-ups of the special path.
        TV result = PowCore(TV.Abs(a), b, TV.Create(0f));
        TV regular = TV.And(
            TV.And(TV.GreaterThanOrEqual(a, TV.Create(MinNormal)), TV.LessThan(a, TV.Create(float.PositiveInfinity))),
            TV.LessThanOrEqual(TV.Abs(b), TV.Create(PowFastExponentLimit)));
        return TV.AnyTrue(TV.Not(regular)) ? PowSpecial(a, b, result) : result;
    }

    /// <summary>Fixes the lanes of <paramref name="result"/> (|a|^b from the core) that the core cannot handle.</summary>
    private static TV PowSpecial<TV>(TV a, TV b, TV result) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV ax = TV.Abs(a);
        TV inf = TV.Create(float.PositiveInfinity);
        TV one = TV.Create(1f);
        TV subnormal = TV.And(TV.LessThan(ax, TV.Create(MinNormal)), TV.GreaterThan(ax, TV.Create(0f)));
        TV magnitude = result;
        if (TV.AnyTrue(subnormal))
        {
            magnitude = TV.ConditionalSelect(subnormal, PowCore(ax * TV.Create(8388608f), b, TV.Create(-23f)), magnitude);
        }
        // Zero or infinite |a|, or infinite b: b log|a| is ±inf (or NaN for 0 · inf, fixed below) and e^y saturates.
        TV saturating = TV.Or(TV.Or(TV.Equal(ax, TV.Create(0f)), TV.Equal(ax, inf)), TV.Equal(TV.Abs(b), inf));
        if (TV.AnyTrue(saturating))
        {
            magnitude = TV.ConditionalSelect(saturating, Exp(b * Log(ax)), magnitude);
        }
        TV bothFinite = TV.And(TV.And(TV.LessThan(ax, inf), TV.GreaterThan(ax, TV.Create(0f))), TV.LessThan(TV.Abs(b), inf));
        TV far = TV.And(TV.And(bothFinite, TV.GreaterThan(TV.Abs(b), TV.Create(PowFastExponentLimit))), TV.NotEqual(ax, one));
        if (TV.AnyTrue(far))
        {
            magnitude = Lanes.MapWhere<TV, float>(far, ax, b, magnitude, &ScalarPow);
        }
        // Negative bases: an odd integer b gives the sign of a, a non-integer b (finite a) gives NaN.
        TV isInteger = TV.Equal(TV.Round(b), b);
        TV half = b * TV.Create(0.5f);
        TV odd = TV.AndNot(isInteger, TV.Equal(TV.Round(half), half));
        magnitude = TV.Or(magnitude, TV.And(odd, TV.And(a, TV.CreateBits(SignBit))));
        TV negativeFinite = TV.And(TV.LessThan(a, TV.Create(0f)), TV.GreaterThan(a, TV.Create(float.NegativeInfinity)));
        magnitude = TV.ConditionalSelect(TV.AndNot(negativeFinite, isInteger), TV.Create(float.NaN), magnitude);
        magnitude = TV.ConditionalSelect(TV.And(TV.Equal(ax, one), TV.Equal(TV.Abs(b), inf)), one, magnitude);
        magnitude = TV.ConditionalSelect(TV.Or(TV.NotEqual(a, a), TV.NotEqual(b, b)), TV.Create(float.NaN), magnitude);
        return TV.ConditionalSelect(TV.Or(TV.Equal(a, one), TV.Equal(b, TV.Create(0f))), one, magnitude);
    }

    /// <summary>
    /// x^b for positive normal x: log x = e ln 2 + f − f²/2 + f³ Q(f) summed as hi + lo (the first three terms exact,
    /// two error-free sums), then b (hi + lo) as yh + yl and e^yh · (1 + yl) through the exp reduction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV PowCore<TV>(TV x, TV b, TV exponentBias) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV e = TV.ShiftRightArithmeticBits(TV.SubtractBits(x, TV.CreateBits(SqrtHalfBits)), 23);
        TV f = TV.SubtractBits(x, TV.ShiftLeftBits(e, 23)) - TV.Create(1f);
        TV ef = TV.AddBits(e, TV.CreateBits(ShifterBits)) - TV.Create(Shifter) + exponentBias;
        TV p = f * f;
        TV pe = TV.MultiplyAdd(f, f, -p);
        // Q of degree 10 here (not 7 as in Log): its error is multiplied by b.
        TV q = TV.MultiplyAdd(TV.Create(0.055550944060087204f), f, TV.Create(-0.09727659076452255f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.09804564714431763f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.09931553155183792f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.11048250645399094f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.1249992772936821f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.14287886023521423f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.16666719317436218f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.19999973475933075f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.25f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.3333333432674408f));
        TV small = TV.MultiplyAdd(q, p * f, TV.MultiplyAdd(TV.Create(-0.5f), pe, TV.MultiplyAdd(ef, TV.Create(Ln2Lo2), ef * TV.Create(Ln2Lo))));
        TV s1 = TwoSum(ef * TV.Create(Ln2Hi), f, out TV e1);
        TV s2 = TwoSum(s1, TV.Create(-0.5f) * p, out TV e2);
        TV lo = e1 + e2 + small;
        TV hi = s2 + lo;
        lo -= hi - s2;
        TV yh = b * hi;
        TV yl = TV.MultiplyAdd(b, lo, TV.MultiplyAdd(b, hi, -yh));
        return ExpHiLo(yh, yl);
    }

    /// <summary>e^(yh + yl) for a small correction yl, with the range handling of <see cref="Exp{TV}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ExpHiLo<TV>(TV yh, TV yl) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        yh = TV.ConditionalSelect(TV.GreaterThan(yh, TV.Create(89f)), TV.Create(89f), yh);
        yh = TV.ConditionalSelect(TV.LessThan(yh, TV.Create(-110f)), TV.Create(-110f), yh);
        TV r = ReduceLn2(yh, Shifter, out TV shifted, out _) + yl;
        TV n = TV.SubtractBits(shifted, TV.CreateBits(ShifterBits));
        TV p = Expm1Reduced(r) + TV.Create(1f);
        TV half = TV.ShiftRightArithmeticBits(n, 1);
        return p * PowerOfTwo(half) * PowerOfTwo(TV.SubtractBits(n, half));
    }

    /// <summary>Knuth's error-free sum: a + b = s + error exactly, whatever their magnitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV TwoSum<TV>(TV a, TV b, out TV error) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV s = a + b;
        TV bb = s - a;
        error = (a - (s - bb)) + (b - bb);
        return s;
    }

    // The C library returns NaN for pow(sNaN, 0) and pow(1, sNaN); Math.Pow's documented rule is 1 for any NaN.
    private static float ScalarPow(float x, float y) => y == 0 || x == 1 ? 1 : (float)Math.Pow(x, y);
}
