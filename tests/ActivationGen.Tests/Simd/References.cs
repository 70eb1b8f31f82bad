using System;

namespace ActivationGen.Tests.Simd;

/// <summary>
/// Double-precision references built independently of the library: series in double-double where the
/// BCL has no accurate function (.NET's LogP1/ExpM1 are computed as log(1+x) and exp(x)−1, and there is no erf).
/// </summary>
internal static class References
{
    public static double Log1p(double x)
    {
        if (double.IsNaN(x) || x < -1)
        {
            return double.NaN;
        }
        if (x == -1 || double.IsPositiveInfinity(x))
        {
            return x == -1 ? double.NegativeInfinity : x;
        }
        if (Math.Abs(x) < 1e-5)
        {
            return x * (1 - x * (0.5 - x * (1.0 / 3 - x * 0.25)));
        }
        if (Math.Abs(x) > 0.5)
        {
            return Math.Log(1 + x) - ((1 + x) - 1 - x) / (1 + x);
        }
        // log1p(x) = 2 atanh(s), s = x / (2 + x), |s| ≤ 1/3.
        DoubleDouble s = (DoubleDouble)x / (2 + (DoubleDouble)x);
        DoubleDouble s2 = s * s, power = s, sum = s;
        for (int k = 3; k < 120; k += 2)
        {
            power *= s2;
            DoubleDouble term = power / k;
            sum += term;
            if (Math.Abs(term.Hi) <= 1e-20 * Math.Abs(sum.Hi))
            {
                break;
            }
        }
        return 2 * sum.Value;
    }

    public static double Expm1(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (Math.Abs(x) < 1e-5)
        {
            return x * (1 + x * (0.5 + x * (1.0 / 6 + x / 24)));
        }
        if (Math.Abs(x) > 1)
        {
            return x > 750 ? double.PositiveInfinity : Math.Exp(x) - 1;
        }
        DoubleDouble term = x, sum = x;
        for (int n = 2; n < 60; n++)
        {
            term = term * x / n;
            sum += term;
            if (Math.Abs(term.Hi) <= 1e-20 * Math.Abs(sum.Hi))
            {
                break;
            }
        }
        return sum.Value;
    }

    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double ax = Math.Abs(x);
        // 2/sqrt(pi) in double-double.
        var twoOverSqrtPi = new DoubleDouble(1.1283791670955126, 1.5335459613165881e-17);
        if (ax < 1e-10)
        {
            // The next term is x³/3 of this one: below 1e-20 relative.
            return (twoOverSqrtPi * x).Value;
        }
        if (ax < 2.5)
        {
            // Maclaurin series in double-double: its terms cancel by up to four digits below 2.5.
            DoubleDouble x2 = (DoubleDouble)x * x, term = x, sum = x;
            for (int n = 0; n < 200; n++)
            {
                term = -(term * x2) / (n + 1);
                DoubleDouble add = term / (2 * n + 3);
                sum += add;
                if (Math.Abs(add.Hi) <= 1e-20 * Math.Abs(sum.Hi))
                {
                    break;
                }
            }
            return (sum * twoOverSqrtPi).Value;
        }
        if (ax >= 6.5)
        {
            return Math.CopySign(1.0, x);
        }
        // Laplace's continued fraction for erfc; erfc ≤ 4e-4 here, so double suffices for erf = 1 − erfc.
        double t = ax;
        for (int k = 120; k >= 1; k--)
        {
            t = ax + k * 0.5 / t;
        }
        double erfc = Math.Exp(-ax * ax) / t * 0.56418958354775628;
        return Math.CopySign(1.0 - erfc, x);
    }

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>tanh(softplus(x)) with no cancellation: (e^2x + 2e^x) / (e^2x + 2e^x + 2) below 0, 1 − 2/(…) above.</summary>
    public static double TanhSoftplus(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x > 40)
            return 1;
        double e = Math.Exp(x), n = e * (e + 2);
        return x < 0 ? n / (n + 2) : 1 - 2 / (n + 2);
    }

    /// <summary>Math.Pow, except that pow(x, 0) and pow(1, y) are 1 even for signaling NaNs (the C library returns NaN).</summary>
    public static double Pow(double a, double b) => b == 0 || a == 1 ? 1 : Math.Pow(a, b);

    public static double Sign(double x) => double.IsNaN(x) ? x : x > 0 ? 1 : x < 0 ? -1 : 0;

    /// <summary>log1p good to about 1e-15 relative: enough for float results, and cheap.</summary>
    public static double Log1pForSingle(double x) => Math.Abs(x) < 1e-5 || x <= -1 || double.IsNaN(x) || double.IsPositiveInfinity(x)
        ? Log1p(x)
        : Math.Log(1 + x) - ((1 + x) - 1 - x) / (1 + x);

    /// <summary>expm1 good to about 1e-11 relative (cancellation below 1e-5 is avoided by the series): enough for float.</summary>
    public static double Expm1ForSingle(double x) => Math.Abs(x) < 1e-5 ? Expm1(x) : Math.Exp(x) - 1;

    /// <summary>erf good to about 1e-12 relative: the double-precision Maclaurin series, enough for float.</summary>
    public static double ErfForSingle(double x)
    {
        double ax = Math.Abs(x);
        if (double.IsNaN(x) || ax >= 2.5 || ax < 1e-10)
        {
            return Erf(x);
        }
        double x2 = x * x, term = x, sum = x;
        for (int n = 0; n < 100; n++)
        {
            term *= -x2 / (n + 1);
            double add = term / (2 * n + 3);
            sum += add;
            if (Math.Abs(add) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }
        }
        return sum * 1.1283791670955126;
    }

    public static double SoftplusForSingle(double x) => Math.Max(x, 0) + Log1pForSingle(Math.Exp(-Math.Abs(x)));

    /// <summary>
    /// erfc to about 1e-16 relative: 1 − erf below 0.5; the Maclaurin series in double-double up to 2.5 (its
    /// terms cancel by at most four digits there, and erfc ≥ 4e-4); Laplace's continued fraction beyond, with
    /// e^(−x²) taken from the exact x² = h + l.
    /// </summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x < 0.5)
            return x < -6.5 ? 2 : 1 - Erf(x);
        if (x < 2.5)
        {
            var twoOverSqrtPi = new DoubleDouble(1.1283791670955126, 1.5335459613165881e-17);
            DoubleDouble x2 = (DoubleDouble)x * x, term = x, sum = x;
            for (int n = 0; n < 200; n++)
            {
                term = -(term * x2) / (n + 1);
                DoubleDouble add = term / (2 * n + 3);
                sum += add;
                if (Math.Abs(add.Hi) <= 1e-22 * Math.Abs(sum.Hi))
                    break;
            }
            return ((DoubleDouble)1 - sum * twoOverSqrtPi).Value;
        }
        if (x > 27.5)
            return 0;
        double t = x;
        for (int k = 400; k >= 1; k--)
            t = x + k * 0.5 / t;
        double h = x * x, l = Math.FusedMultiplyAdd(x, x, -h);
        return Math.Exp(-h) * (1 - l) / t * 0.56418958354775628;
    }

    /// <summary>e^(−x²) from the exact x² = h + l.</summary>
    public static double Gaussian(double x)
    {
        double h = x * x, l = Math.FusedMultiplyAdd(x, x, -h);
        if (!(h < 1500))
            return double.IsNaN(x) ? x : 0;
        return Math.Exp(-h) * (1 - l);
    }

    /// <summary>σ(x)·σ(−x) = w/(1 + w)², w = e^−|x|.</summary>
    public static double SigmoidDerivative(double x)
    {
        double w = Math.Exp(-Math.Abs(x));
        return w / ((1 + w) * (1 + w));
    }

    public static double TanhDerivative(double x) => 4 * SigmoidDerivative(2 * x);

    /// <summary>(1 − tanh²(softplus x))·σ(x), from 1 − t² = 4(n + 1)/(n + 2)² with n = eˣ(eˣ + 2), and σ; in terms of e^−x above 0.</summary>
    public static double TanhSoftplusDerivative(double x)
    {
        if (double.IsNaN(x))
            return x;
        if (x < 0)
        {
            double e = Math.Exp(x), n = e * (e + 2);
            return 4 * (n + 1) / ((n + 2) * (n + 2)) * (e / (1 + e));
        }
        double w = Math.Exp(-x), m = 1 + 2 * w + 2 * w * w;
        return 4 * w * w * (1 + w) / (m * m);
    }

    public static double ErfcOverRoot2(double x) => Erfc(x / Math.Sqrt(2));

    /// <summary>GELU, x·Φ(x) = x·erfc(−x/√2)/2 (its limit 0 at −∞).</summary>
    public static double Gelu(double x) => x == double.NegativeInfinity ? 0 : x * (ErfcOverRoot2(-x) / 2);

    /// <summary>GELU′ = Φ(x) + x·φ(x), from the exact x² in φ (its limits 0 at −∞ and 1 at +∞).</summary>
    public static double GeluDerivative(double x) =>
        double.IsInfinity(x) ? (x > 0 ? 1 : 0) : ErfcOverRoot2(-x) / 2 + x * GaussianOverRoot2(x) * 0.3989422804014327;

    /// <summary>e^(−x²/2) from the exact x².</summary>
    public static double GaussianOverRoot2(double x)
    {
        double h = x * x, l = Math.FusedMultiplyAdd(x, x, -h);
        if (!(h < 3000))
            return double.IsNaN(x) ? x : 0;
        return Math.Exp(-h / 2) * (1 - l / 2);
    }
}
