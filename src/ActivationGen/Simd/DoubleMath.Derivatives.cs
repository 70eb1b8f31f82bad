using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    /// <summary>σ′(x) = σ(x)·σ(−x) = w / (1 + w)² with w = e^−|x|: full relative accuracy in both tails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV SigmoidDerivative<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV w = Exp(-TV.Abs(x));
        TV d = TV.Create(1.0) + w;
        return w / (d * d);
    }

    /// <summary>tanh′(x) = 1 − tanh²(x) = 4w / (1 + w)² with w = e^−2|x|: no cancellation where tanh is near ±1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhDerivative<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV ax = TV.Abs(x);
        TV w = Exp(-(ax + ax));
        TV d = TV.Create(1.0) + w;
        return TV.Create(4.0) * w / (d * d);
    }

    /// <summary>d/dx tanh(softplus(x)) as in <see cref="SingleMath.TanhSoftplusDerivative{TV}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV TanhSoftplusDerivative<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV w = Exp(-TV.Abs(x));
        TV negative = TV.LessThan(x, TV.Create(0.0));
        TV two = TV.Create(2.0);
        TV numerator = TV.Create(4.0) * TV.ConditionalSelect(negative, w, w * w) * (TV.Create(1.0) + w);
        TV d = TV.ConditionalSelect(negative, TV.MultiplyAdd(w + two, w, two), TV.MultiplyAdd(TV.MultiplyAdd(two, w, two), w, TV.Create(1.0)));
        return numerator / (d * d);
    }

    /// <summary>
    /// e^(−x²) with x² taken exactly: x = h + l with h holding the top 26 bits, so h² is exact and
    /// x² = h² + r, r = (x + h)·l ≤ 3e-5 where the result is not 0; e^−r is its degree-3 series.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Gaussian<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => ScaledGaussian(x, 1.0, 28.0);

    /// <summary>e^(−x²/2), with x² taken exactly as in <see cref="Gaussian{TV}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV GaussianOverRoot2<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => ScaledGaussian(x, 0.5, 39.0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ScaledGaussian<TV>(TV x, double c, double flat) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV ax = TV.ConditionalSelect(TV.GreaterThan(TV.Abs(x), TV.Create(flat)), TV.Create(flat), TV.Abs(x));
        TV high = TV.And(ax, TV.CreateBits(0xFFFF_FFFF_F800_0000));
        TV low = ax - high;
        TV r = TV.Create(c) * ((ax + high) * low);
        TV series = TV.MultiplyAdd(TV.MultiplyAdd(TV.MultiplyAdd(TV.Create(-1.0 / 6), r, TV.Create(0.5)), r, TV.Create(-1.0)), r, TV.Create(1.0));
        return Exp(-(TV.Create(c) * (high * high))) * series;
    }
}
