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
        double fraction = 0;
        for (int n = 80; n >= 1; n--)
            fraction = n / 2.0 / (ax + fraction);
        return Math.CopySign(1 - Math.Exp(-ax * ax) / Math.Sqrt(Math.PI) / (ax + fraction), x);
    }
}
