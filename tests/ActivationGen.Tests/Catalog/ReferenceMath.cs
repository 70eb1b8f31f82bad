using System;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Double-precision special functions written for the catalog tests, accurate to a few double ulps (far
/// below a float ulp) over the whole float range, and independent of the library's vector math.
/// (.NET has no erf, and its double.ExpM1/LogP1 are the naive exp(x) − 1 and log(1 + x).)
/// </summary>
internal static class ReferenceMath
{
    public const double Ln2 = 0.69314718055994530942;
    private const double TwoOverSqrtPi = 1.1283791670955125739;
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    public static double Expm1(double x)
    {
        if (Math.Abs(x) >= 0.5)
            return Math.Exp(x) - 1;
        double term = x, sum = x;
        for (int n = 2; n < 30; n++)
        {
            term *= x / n;
            sum += term;
        }
        return sum;
    }

    public static double Log1p(double x)
    {
        if (Math.Abs(x) >= 0.5)
            return Math.Log(1 + x);
        // log(1 + x) = 2 atanh(u), u = x / (2 + x), |u| ≤ 1/3.
        double u = x / (2 + x), u2 = u * u, power = u, sum = 0;
        for (int k = 1; k < 80; k += 2)
        {
            sum += power / k;
            power *= u2;
        }
        return 2 * sum;
    }

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>1 − tanh²(x) = 1 / cosh²(x), without the cancellation.</summary>
    public static double Sech2(double x)
    {
        double c = Math.Cosh(x);
        return 1 / (c * c);
    }

    public static double Erf(double z)
    {
        double a = Math.Abs(z);
        // Above 6, erfc < 2.2e-17 is below half an ulp of 1, so 1 − erfc rounds to 1 exactly: skip its 300 steps
        // (the same result, and the exhaustive audit over every float evaluates this hundreds of millions of times).
        double r = a <= 2.5 ? ErfSeries(a) : a > 6 ? 1 : 1 - ErfcFraction(a);
        return z < 0 ? -r : r;
    }

    public static double Erfc(double z)
    {
        if (z > 2.5)
            return ErfcFraction(z);
        return z >= 0 ? 1 - ErfSeries(z) : 1 + Erf(-z);
    }

    /// <summary>The standard normal distribution function Φ(x) = erfc(−x/√2)/2, accurate in both tails.</summary>
    public static double Phi(double x) => 0.5 * Erfc(-x / Math.Sqrt(2));

    /// <summary>The standard normal density φ(x).</summary>
    public static double Density(double x) => InvSqrt2Pi * Math.Exp(-0.5 * x * x);

    private static double ErfSeries(double z)
    {
        // erf z = 2/√π Σ (−1)ⁿ z^(2n+1) / (n! (2n+1)); terms stay below e^(z²) ≈ 520 for z ≤ 2.5.
        double z2 = z * z, term = z, sum = z;
        for (int n = 1; n < 120; n++)
        {
            term *= -z2 / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.Abs(next) < 1e-18 * Math.Abs(sum))
                break;
        }
        return TwoOverSqrtPi * sum;
    }

    private static double ErfcFraction(double z)
    {
        // Above 27.5, e^(−z²) < e^(−756) underflows to 0 in double, and so does the result.
        if (z > 27.5)
            return 0;
        // erfc z = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), evaluated from the bottom.
        double f = z;
        for (int k = 300; k >= 1; k--)
            f = z + k / 2.0 / f;
        return Math.Exp(-z * z) * InvSqrtPi / f;
    }
}
