using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    private const double MinNormal = 2.2250738585072014e-308;
    private const ulong SqrtHalfBits = 0x3FE6_A09E_667F_3BCD;

    /// <summary>Natural logarithm; −∞ at ±0, NaN below 0, subnormal arguments exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV result = LogCore(x, TV.Create(0.0), TV.Create(0.0));
        // One test for every lane the fast path cannot take: subnormal, zero, negative, +inf, NaN.
        TV special = TV.Not(TV.And(TV.GreaterThanOrEqual(x, TV.Create(MinNormal)), TV.LessThan(x, TV.Create(double.PositiveInfinity))));
        return TV.AnyTrue(special) ? LogSpecial(x, result) : result;
    }

    /// <summary>log(1 + x), accurate near zero; −∞ at −1, NaN below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV u = x + TV.Create(1.0);
        // u carries a rounding error that log(u) cannot see; (x − (u − 1)) / u restores it to first order.
        TV correction = (x - (u - TV.Create(1.0))) / u;
        TV result = LogCore(u, TV.Create(0.0), correction);
        TV special = TV.Not(TV.And(TV.GreaterThan(u, TV.Create(0.0)), TV.LessThan(u, TV.Create(double.PositiveInfinity))));
        return TV.AnyTrue(special) ? LogSpecial(u, result) : result;
    }

    private static TV LogSpecial<TV>(TV x, TV result) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // Subnormals are scaled into the normal range and the exponent compensated.
        TV subnormal = TV.And(TV.LessThan(x, TV.Create(MinNormal)), TV.GreaterThan(x, TV.Create(0.0)));
        result = TV.ConditionalSelect(subnormal, LogCore(x * TV.Create(4503599627370496.0), TV.Create(-52.0), TV.Create(0.0)), result);
        result = TV.ConditionalSelect(TV.Equal(x, TV.Create(0.0)), TV.Create(double.NegativeInfinity), result);
        result = TV.ConditionalSelect(TV.LessThan(x, TV.Create(0.0)), TV.Create(double.NaN), result);
        result = TV.ConditionalSelect(TV.Equal(x, TV.Create(double.PositiveInfinity)), x, result);
        return TV.ConditionalSelect(TV.NotEqual(x, x), x, result);
    }

    /// <summary>
    /// log(x) + add for positive normal x: x = 2^e (1 + f) with 1 + f in [√½, √2), s = f / (2 + f), and
    /// log(1 + f) = f − (f²/2 − s (f²/2 + s² R(s²))), R a degree-6 Chebyshev fit of (2 atanh s − 2s) / s³.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogCore<TV>(TV x, TV exponentBias, TV add) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV e = TV.ShiftRightArithmeticBits(TV.SubtractBits(x, TV.CreateBits(SqrtHalfBits)), 52);
        TV f = TV.SubtractBits(x, TV.ShiftLeftBits(e, 52)) - TV.Create(1.0);
        // Integer to double without a conversion instruction: place e in the mantissa of 1.5 * 2^52.
        TV ef = TV.AddBits(e, TV.CreateBits(ShifterBits)) - TV.Create(Shifter) + exponentBias;
        TV s = f / (TV.Create(2.0) + f);
        TV z = s * s;
        TV r = LogSeries(z);
        TV hfsq = TV.Create(0.5) * f * f;
        TV tail = TV.MultiplyAdd(s, hfsq + r, TV.MultiplyAdd(ef, TV.Create(Ln2Lo), add));
        return TV.MultiplyAdd(ef, TV.Create(Ln2Hi), f - (hfsq - tail));
    }

    /// <summary>z R(z) with z = s², R a degree-6 Chebyshev fit of (2 atanh s − 2s) / s³ on s ≤ (√2 − 1)/(√2 + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogSeries<TV>(TV z) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV r = TV.MultiplyAdd(TV.Create(0.14616449685043406), z, TV.Create(0.15331721600556042));
        r = TV.MultiplyAdd(r, z, TV.Create(0.18182889125261723));
        r = TV.MultiplyAdd(r, z, TV.Create(0.2222221113479508));
        r = TV.MultiplyAdd(r, z, TV.Create(0.28571428625975487));
        r = TV.MultiplyAdd(r, z, TV.Create(0.39999999999899505));
        r = TV.MultiplyAdd(r, z, TV.Create(0.666666666666667));
        return r * z;
    }
}
