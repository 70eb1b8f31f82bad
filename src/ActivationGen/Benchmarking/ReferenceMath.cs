using System;
using System.ComponentModel;

namespace ActivationGen.Benchmarking;

/// <summary>
/// The functions of the formula language in plain double precision on top of <see cref="Math"/>, for the
/// double evaluation that the benchmark guard compares kernels with. Independent of the SIMD math.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReferenceMath
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
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
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
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        double ax = Math.Abs(x);
        if (ax < 2.5)
        {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 200 && Math.Abs(term) > 1e-17 * sum; n++)
            {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return Math.CopySign(sum * 2 / Math.Sqrt(Math.PI), x);
        }
        return Math.CopySign(1 - ErfcTail(ax), x);
    }

    /// <summary>erfc(a) for a ≥ 2.5 by its continued fraction, accurate in relative terms.</summary>
    private static double ErfcTail(double a)
    {
        double fraction = 0;
        for (int n = 80; n >= 1; n--)
            fraction = n / 2.0 / (a + fraction);
        return Math.Exp(-a * a) / Math.Sqrt(Math.PI) / (a + fraction);
    }

    /// <summary>1 − erf(x), from the continued fraction where it is small.</summary>
    public static double Erfc(double x) => double.IsNaN(x) ? x : x >= 2.5 ? ErfcTail(x) : 1 - Erf(x);

    /// <summary>erfc(x/√2).</summary>
    public static double ErfcOverRoot2(double x) => Erfc(x / Math.Sqrt(2));

    /// <summary>e^(−x²).</summary>
    public static double Gaussian(double x) => Math.Exp(-x * x);

    /// <summary>e^(−x²/2).</summary>
    public static double GaussianOverRoot2(double x) => Math.Exp(-x * x / 2);

    /// <summary>σ′(x) = σ(x)·σ(−x).</summary>
    public static double SigmoidDerivative(double x) => Sigmoid(x) * Sigmoid(-x);

    /// <summary>tanh′(x) = 1 / cosh²(x) (0 where cosh overflows).</summary>
    public static double TanhDerivative(double x) => 1 / (Math.Cosh(x) * Math.Cosh(x));

    /// <summary>d/dx tanh(softplus(x)) = σ(x) / cosh²(softplus(x)).</summary>
    public static double TanhSoftplusDerivative(double x) => Sigmoid(x) / (Math.Cosh(Softplus(x)) * Math.Cosh(Softplus(x)));
}
