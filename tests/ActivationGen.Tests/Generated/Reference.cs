using System;

namespace ActivationGen.Tests.Generated;

/// <summary>
/// Double-precision references for the functions that <see cref="Math"/> lacks or computes imprecisely
/// (.NET's <c>double.ExpM1</c>/<c>LogP1</c> are exp(x)−1 and log(1+x), which lose everything near 0).
/// Independent of the runtime's vector math on purpose.
/// </summary>
internal static class Reference
{
    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));

    /// <summary>log(1+x) to a few ulp: the rounding of 1+x is corrected by the exact ratio x/(u−1).</summary>
    public static double Log1p(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : Math.Log(u) * (x / (u - 1));
    }

    /// <summary>exp(x)−1 to a few ulp (Kahan): the rounding of exp(x) is corrected through log(u).</summary>
    public static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
            return x;
        double um1 = u - 1;
        return um1 == -1 ? -1 : double.IsInfinity(u) ? u : um1 * x / Math.Log(u);
    }

    /// <summary>erf: Maclaurin series below 2, Lentz's continued fraction for erfc above.</summary>
    public static double Erf(double x)
    {
        double ax = Math.Abs(x);
        if (ax < 2)
        {
            double x2 = ax * ax, term = ax, sum = ax;
            for (int n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                double add = term / (2 * n + 1);
                sum += add;
                if (Math.Abs(add) < 1e-18 * sum)
                    break;
            }
            return Math.CopySign(sum * 2 / Math.Sqrt(Math.PI), x);
        }
        return Math.CopySign(1 - Erfc(ax), x);
    }

    // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))), evaluated by modified Lentz.
    private static double Erfc(double x)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 500; n++)
        {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : 1 / d;
            c = x + a / c;
            if (c == 0) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < 1e-17)
                break;
        }
        return Math.Exp(-x * x) / Math.Sqrt(Math.PI) / f;
    }
}
