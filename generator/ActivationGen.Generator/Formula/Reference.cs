using System;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Double-precision meanings of the functions that System.Math lacks (netstandard2.0 has no erf, log1p or
/// expm1): ample for constant folding and for checking rewrites at sample points.
/// </summary>
internal static class Reference
{
    public static double Log1p(double x) => Math.Abs(x) < 1e-4 ? x * (1 - x * (0.5 - x / 3)) : Math.Log(1 + x);

    public static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x * (1 + x * (0.5 + x / 6)) : Math.Exp(x) - 1;

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>σ(x)·σ(−x) = w / (1 + w)² with w = e^−|x| ≤ 1: no cancellation, no overflow.</summary>
    public static double SigmoidDerivative(double x)
    {
        double w = Math.Exp(-Math.Abs(x));
        return w / ((1 + w) * (1 + w));
    }

    /// <summary>1 − tanh²(x) = 4w / (1 + w)² with w = e^−2|x|.</summary>
    public static double TanhDerivative(double x) => 4 * SigmoidDerivative(2 * x);

    /// <summary>(1 − tanh²(softplus x))·σ(x) in terms of w = e^−|x|: 4w(1 + w)/(w² + 2w + 2)² below 0, 4w²(1 + w)/(2w² + 2w + 1)² above.</summary>
    public static double TanhSoftplusDerivative(double x)
    {
        double w = Math.Exp(-Math.Abs(x));
        if (double.IsNaN(x))
            return x;
        if (x < 0)
        {
            double d = w * w + 2 * w + 2;
            return 4 * w * (1 + w) / (d * d);
        }
        double e = 2 * w * w + 2 * w + 1;
        return 4 * w * w * (1 + w) / (e * e);
    }

    public static double Erf(double x) => double.IsNaN(x) ? x : x < 0 ? -Erf(-x) : x < 2.5 ? ErfSeries(x) : 1 - ErfcFraction(x);

    public static double Erfc(double x) => double.IsNaN(x) ? x : x < 0 ? 2 - Erfc(-x) : x < 2.5 ? 1 - ErfSeries(x) : ErfcFraction(x);

    /// <summary>x·Φ(x); 0 at −∞ (the limit), not −∞·0.</summary>
    public static double Gelu(double x) => x == double.NegativeInfinity ? 0 : x * Erfc(-x / Math.Sqrt(2)) / 2;

    /// <summary>Φ(x) + x·φ(x); 0 at −∞, 1 at +∞.</summary>
    public static double GeluDerivative(double x) =>
        double.IsInfinity(x) ? (x > 0 ? 1 : 0) : Erfc(-x / Math.Sqrt(2)) / 2 + x * Math.Exp(-x * x / 2) * 0.3989422804014327;

    // Maclaurin series: for 0 ≤ x < 2.5 the terms peak near e^(x²) ≈ 500, so about 1e-13 absolute.
    private static double ErfSeries(double x)
    {
        double term = x, sum = x, x2 = x * x;
        for (int n = 1; n < 100 && Math.Abs(term) > 1e-17 * sum; n++)
        {
            term *= -x2 / n;
            sum += term / (2 * n + 1);
        }
        return sum * 2 / Math.Sqrt(Math.PI);
    }

    // Laplace's continued fraction for erfc, converged by 60 terms from 2.5 up.
    private static double ErfcFraction(double x)
    {
        double fraction = 0;
        for (int n = 60; n >= 1; n--)
            fraction = n / 2.0 / (x + fraction);
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / (x + fraction);
    }
}
