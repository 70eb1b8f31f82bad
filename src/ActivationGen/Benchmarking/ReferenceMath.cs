using System;
using System.ComponentModel;

// One source, compiled into two assemblies: the runtime (public, for the double evaluation the benchmark guard
// compares kernels with) and the generator (internal, its double meaning of every function: constant folding,
// checks of rewrites at sample points). The generator targets netstandard2.0, so this file keeps to its API
// (no Math.CopySign, no double.IsFinite).
#if ACTIVATIONGEN_GENERATOR
namespace ActivationGen.Generator.Formula;
#else
namespace ActivationGen.Benchmarking;
#endif

/// <summary>
/// The functions of the formula language in plain double precision on top of <see cref="Math"/>, named as
/// the function table names their runtime members. Independent of the SIMD math.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
#if ACTIVATIONGEN_GENERATOR
internal
#else
public
#endif
static class ReferenceMath
{
    /// <summary>1/(1 + e^−x), without overflow on either side.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    /// <summary>log(1 + eˣ) as max(x, 0) + log1p(e^−|x|).</summary>
    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>tanh(softplus(x)).</summary>
    public static double TanhSoftplus(double x) => Math.Tanh(Softplus(x));

    /// <summary>log(1 + x), accurate near 0 (the rounding of 1 + x is corrected for).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1)
            return x;
        // At +∞ the correction would be ∞/∞.
        return double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1, accurate near 0.</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) >= 0.5)
            return Math.Exp(x) - 1;
        double u = Math.Exp(x);
        return u == 1 ? x : (u - 1) * x / Math.Log(u);
    }

    /// <summary>−1, 0 or 1; NaN for NaN.</summary>
    public static double Sign(double x) => double.IsNaN(x) ? x : Math.Sign(x);

    /// <summary>The error function: Maclaurin series below 2.5, the continued fraction of erfc above.</summary>
    public static double Erf(double x) => double.IsNaN(x) ? x : x < 0 ? -Erf(-x) : x < 2.5 ? ErfSeries(x) : 1 - ErfcFraction(x);

    /// <summary>The error function's complement, 1 − erf(x), without its cancellation for large x.</summary>
    public static double Erfc(double x) => double.IsNaN(x) ? x : x < 0 ? 2 - Erfc(-x) : x < 2.5 ? 1 - ErfSeries(x) : ErfcFraction(x);

    /// <summary>erfc(x/√2), the normal tail GELU uses.</summary>
    public static double ErfcOverRoot2(double x) => Erfc(x / Math.Sqrt(2));

    /// <summary>GELU, x·Φ(x) (0 at −∞).</summary>
    public static double Gelu(double x) => x == double.NegativeInfinity ? 0 : x * Erfc(-x / Math.Sqrt(2)) / 2;

    /// <summary>GELU′, Φ(x) + x·φ(x) (0 at −∞, 1 at +∞).</summary>
    public static double GeluDerivative(double x) =>
        double.IsInfinity(x) ? (x > 0 ? 1 : 0) : Erfc(-x / Math.Sqrt(2)) / 2 + x * Math.Exp(-x * x / 2) * 0.3989422804014327;

    /// <summary>e^(−x²).</summary>
    public static double Gaussian(double x) => Math.Exp(-x * x);

    /// <summary>e^(−x²/2).</summary>
    public static double GaussianOverRoot2(double x) => Math.Exp(-x * x / 2);

    /// <summary>σ′(x) = σ(x)·σ(−x) = w/(1 + w)² with w = e^−|x| ≤ 1: no cancellation, no overflow.</summary>
    public static double SigmoidDerivative(double x)
    {
        double w = Math.Exp(-Math.Abs(x));
        return w / ((1 + w) * (1 + w));
    }

    /// <summary>tanh′(x) = 1 − tanh²(x) = 4w/(1 + w)² with w = e^−2|x|.</summary>
    public static double TanhDerivative(double x) => 4 * SigmoidDerivative(2 * x);

    /// <summary>
    /// d/dx tanh(softplus(x)) = (1 − tanh²(softplus x))·σ(x) in terms of w = e^−|x|: 4w(1 + w)/(w² + 2w + 2)²
    /// below 0, 4w²(1 + w)/(2w² + 2w + 1)² above, without the cancellation of 1 − tanh² where tanh is near 1.
    /// </summary>
    public static double TanhSoftplusDerivative(double x)
    {
        if (double.IsNaN(x))
            return x;
        double w = Math.Exp(-Math.Abs(x));
        if (x < 0)
        {
            double d = w * w + 2 * w + 2;
            return 4 * w * (1 + w) / (d * d);
        }
        double e = 2 * w * w + 2 * w + 1;
        return 4 * w * w * (1 + w) / (e * e);
    }

    /// <summary>Math.Pow, named as the formula's function table names it.</summary>
    public static double Pow(double x, double y) => Math.Pow(x, y);
    /// <summary>Math.Exp.</summary>
    public static double Exp(double x) => Math.Exp(x);
    /// <summary>Math.Log.</summary>
    public static double Log(double x) => Math.Log(x);
    /// <summary>Math.Sqrt.</summary>
    public static double Sqrt(double x) => Math.Sqrt(x);
    /// <summary>Math.Abs.</summary>
    public static double Abs(double x) => Math.Abs(x);
    /// <summary>Math.Min (NaN if either is NaN).</summary>
    public static double Min(double x, double y) => Math.Min(x, y);
    /// <summary>Math.Max (NaN if either is NaN).</summary>
    public static double Max(double x, double y) => Math.Max(x, y);
    /// <summary>min(max(x, lo), hi), as torch.clamp.</summary>
    public static double Clamp(double x, double lo, double hi) => Math.Min(Math.Max(x, lo), hi);
    /// <summary>Math.Sin.</summary>
    public static double Sin(double x) => Math.Sin(x);
    /// <summary>Math.Cos.</summary>
    public static double Cos(double x) => Math.Cos(x);
    /// <summary>Math.Tan.</summary>
    public static double Tan(double x) => Math.Tan(x);
    /// <summary>Math.Tanh.</summary>
    public static double Tanh(double x) => Math.Tanh(x);
    /// <summary>Math.Atan.</summary>
    public static double Atan(double x) => Math.Atan(x);

    // Maclaurin series: for 0 ≤ x < 2.5 the terms peak near e^(x²) ≈ 500, so about 1e-13 absolute.
    private static double ErfSeries(double x)
    {
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
        {
            term *= -x2 / n;
            sum += term / (2 * n + 1);
        }
        return sum * 2 / Math.Sqrt(Math.PI);
    }

    // Laplace's continued fraction for erfc, converged by 80 terms from 2.5 up.
    private static double ErfcFraction(double x)
    {
        double fraction = 0;
        for (int n = 80; n >= 1; n--)
            fraction = n / 2.0 / (x + fraction);
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + fraction);
    }
}
