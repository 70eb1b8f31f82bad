using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    /// <summary>σ′(x) = σ(x)·σ(−x) = w / (1 + w)² with w = e^−|x|: full relative accuracy in both tails, where σ(1 − σ) cancels to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV SigmoidDerivative<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV w = ExpTabledUpTo20(NegativeAbs(x));
        TV d = TV.Create(1f) + w;
        return w / (d * d);
    }

    /// <summary>tanh′(x) = 1 − tanh²(x) = 4w / (1 + w)² with w = e^−2|x|: no cancellation where tanh is near ±1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhDerivative<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // −|2x| as an add and an or (−(|x| + |x|) took three operations); x + x is exact.
        TV w = ExpTabledUpTo20(NegativeAbs(x + x));
        TV d = TV.Create(1f) + w;
        return TV.Create(4f) * w / (d * d);
    }

    /// <summary>
    /// d/dx tanh(softplus(x)) = (1 − tanh²(softplus x))·σ(x), with w = e^−|x|: 4w(1 + w) / (w² + 2w + 2)² below 0 and
    /// 4w²(1 + w) / (2w² + 2w + 1)² above, ratios of positive terms (no cancellation, no overflow).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhSoftplusDerivative<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV w = ExpTabledUpTo20(NegativeAbs(x));
        TV negative = TV.LessThan(x, TV.Create(0f));
        TV two = TV.Create(2f);
        TV numerator = TV.Create(4f) * TV.ConditionalSelect(negative, w, w * w) * (TV.Create(1f) + w);
        TV d = TV.ConditionalSelect(negative, TV.MultiplyAdd(w + two, w, two), TV.MultiplyAdd(TV.MultiplyAdd(two, w, two), w, TV.Create(1f)));
        return numerator / (d * d);
    }

    /// <summary>
    /// e^(−x²) with x² taken exactly: x = h + l with h holding the top 12 bits, so h² is exact and
    /// x² = h² + r, r = (x + h)·l ≤ 0.06 where the result is not 0; e^−r is its degree-4 series (error 3e-9).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Gaussian<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => ScaledGaussian(x, 1f, 11f);

    /// <summary>e^(−x²/2), the standard normal density without its 1/√(2π), with x² taken exactly as in <see cref="Gaussian{TV}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV GaussianOverRoot2<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => ScaledGaussian(x, 0.5f, 15f);

    /// <summary>e^(−c·x²) for c = 1 or 1/2 (exact scalings); beyond <paramref name="flat"/> the result is 0, and the clamp keeps r small.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ScaledGaussian<TV>(TV x, float c, float flat) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        // NaN passes through the select.
        TV ax = TV.ConditionalSelect(TV.GreaterThan(TV.Abs(x), TV.Create(flat)), TV.Create(flat), TV.Abs(x));
        TV high = TV.And(ax, TV.CreateBits(0xFFFF_F000));
        TV low = ax - high;
        TV r = TV.Create(c) * ((ax + high) * low);
        TV series = TV.MultiplyAdd(TV.MultiplyAdd(TV.MultiplyAdd(TV.MultiplyAdd(TV.Create(1f / 24), r, TV.Create(-1f / 6)), r, TV.Create(0.5f)), r, TV.Create(-1f)), r, TV.Create(1f));
        return ExpUpTo20(TV.Create(-c) * (high * high)) * series;
    }
}
