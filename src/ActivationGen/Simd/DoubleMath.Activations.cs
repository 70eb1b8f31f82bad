using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    private const ulong SignBit = 0x8000_0000_0000_0000;

    /// <summary>Hyperbolic tangent as −t / (t + 2) with t = expm1(−2|x|): no cancellation anywhere, ±1 without NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV ax = TV.Abs(x);
        TV t = Expm1(-(ax + ax));
        TV result = -t / (t + TV.Create(2.0));
        return TV.Or(result, TV.And(x, TV.CreateBits(SignBit)));
    }

    /// <summary>1 / (1 + e^−x), without overflow for any x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sigmoid<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // e^−|x| never overflows; for x < 0, σ(x) = e^x / (1 + e^x) keeps full relative accuracy.
        TV e = Exp(-TV.Abs(x));
        TV numerator = TV.ConditionalSelect(TV.GreaterThanOrEqual(x, TV.Create(0.0)), TV.Create(1.0), e);
        return numerator / (TV.Create(1.0) + e);
    }

    /// <summary>log(1 + e^x), computed as max(x, 0) + log1p(e^−|x|): exactly x for large x, e^x for very negative x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Softplus<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => TV.Max(x, TV.Create(0.0)) + Log1p(Exp(-TV.Abs(x)));

    /// <summary>
    /// tanh(softplus(x)), the core of mish: n / (n + 2) with n = e^x (e^x + 2). One exp and one division instead
    /// of a softplus and a tanh, and no cancellation: for very negative x it is e^x to full relative accuracy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhSoftplus<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // Above 40 the ratio rounds to 1; the clamp keeps n finite.
        TV e = Exp(TV.Min(x, TV.Create(40.0)));
        TV n = e * (e + TV.Create(2.0));
        return n / (n + TV.Create(2.0));
    }
}
