using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    private const float MinNormal = 1.17549435e-38f;
    private const uint SqrtHalfBits = 0x3F35_04F3;

    /// <summary>Natural logarithm; −∞ at ±0, NaN below 0, subnormal arguments exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV result = LogCore(x, TV.Create(0f), TV.Create(0f));
        // One test for every lane the fast path cannot take: subnormal, zero, negative, +inf, NaN.
        TV special = TV.Not(TV.And(TV.GreaterThanOrEqual(x, TV.Create(MinNormal)), TV.LessThan(x, TV.Create(float.PositiveInfinity))));
        return TV.AnyTrue(special) ? LogSpecial(x, result) : result;
    }

    /// <summary>log(1 + x), accurate near zero; −∞ at −1, NaN below.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV u = x + TV.Create(1f);
        // u carries a rounding error that log(u) cannot see; (x − (u − 1)) / u restores it to first order.
        TV correction = (x - (u - TV.Create(1f))) / u;
        TV result = LogCore(u, TV.Create(0f), correction);
        TV special = TV.Not(TV.And(TV.GreaterThan(u, TV.Create(0f)), TV.LessThan(u, TV.Create(float.PositiveInfinity))));
        return TV.AnyTrue(special) ? LogSpecial(u, result) : result;
    }

    private static TV LogSpecial<TV>(TV x, TV result) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // Subnormals are scaled into the normal range and the exponent compensated.
        TV subnormal = TV.And(TV.LessThan(x, TV.Create(MinNormal)), TV.GreaterThan(x, TV.Create(0f)));
        result = TV.ConditionalSelect(subnormal, LogCore(x * TV.Create(8388608f), TV.Create(-23f), TV.Create(0f)), result);
        result = TV.ConditionalSelect(TV.Equal(x, TV.Create(0f)), TV.Create(float.NegativeInfinity), result);
        result = TV.ConditionalSelect(TV.LessThan(x, TV.Create(0f)), TV.Create(float.NaN), result);
        result = TV.ConditionalSelect(TV.Equal(x, TV.Create(float.PositiveInfinity)), x, result);
        return TV.ConditionalSelect(TV.NotEqual(x, x), x, result);
    }

    /// <summary>
    /// log(x) + add for positive normal x: x = 2^e m with m in [√½, √2), log(m) = f − f²/2 + f³ Q(f) with f = m − 1
    /// and Q a degree-7 Chebyshev fit (relative error 4.5e-7 in Q, under 0.4 ulp in the result).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV LogCore<TV>(TV x, TV exponentBias, TV add) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV e = TV.ShiftRightArithmeticBits(TV.SubtractBits(x, TV.CreateBits(SqrtHalfBits)), 23);
        TV f = TV.SubtractBits(x, TV.ShiftLeftBits(e, 23)) - TV.Create(1f);
        // Integer to float without a conversion instruction: place e in the mantissa of 1.5 * 2^23.
        TV ef = TV.AddBits(e, TV.CreateBits(ShifterBits)) - TV.Create(Shifter) + exponentBias;
        TV q = TV.MultiplyAdd(TV.Create(-0.0790274366736412f), f, TV.Create(0.12622319161891937f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.12998183071613312f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.14214496314525604f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.166412815451622f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.20001044869422913f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.25000306963920593f));
        q = TV.MultiplyAdd(q, f, TV.Create(0.3333333134651184f));
        q = TV.MultiplyAdd(q, f, TV.Create(-0.5f));
        TV tail = TV.MultiplyAdd(q, f * f, TV.MultiplyAdd(ef, TV.Create(Ln2Lo), add));
        return TV.MultiplyAdd(ef, TV.Create(Ln2Hi), f) + tail;
    }
}
