using System;
namespace ActivationGen.Simd;

/// <summary>Scalar error function in double precision, for lanes evaluated one by one.</summary>
internal static class ScalarErf
{
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double ax = Math.Abs(x);
        if (ax < 2.5)
        {
            // Maclaurin series; below 2.5 its alternating terms cancel by at most about three digits.
            double x2 = x * x, term = x, sum = x;
            for (int n = 0; n < 200; n++)
            {
                term *= -x2 / (n + 1);
                double add = term / (2 * n + 3);
                sum += add;
                if (Math.Abs(add) < 1e-18 * Math.Abs(sum))
                {
                    break;
                }
            }
            return sum * 1.1283791670955126;
        }
        if (ax >= 6)
        {
            return Math.CopySign(1.0, x);
        }
        // Laplace's continued fraction for erfc converges quickly away from zero.
        double t = ax;
        for (int k = 80; k >= 1; k--)
        {
            t = ax + k * 0.5 / t;
        }
        double erfc = Math.Exp(-ax * ax) / t * 0.5641895835477563;
        return Math.CopySign(1.0 - erfc, x);
    }
}
