using System;

namespace ActivationGen.Tests.Simd;

/// <summary>Error measured in units in the last place of the exact (or reference) result.</summary>
internal static class Ulp
{
    /// <summary>|actual − reference| in float ulps of the reference; subnormal results use the fixed 2^−149 spacing.</summary>
    public static double OfFloat(float actual, double reference)
    {
        double a = Math.Abs(reference);
        int exponent = a < float.Epsilon ? -149 : Math.Max(Math.ILogB(a), -126) - 23;
        return Math.Abs(actual - reference) / Math.ScaleB(1.0, exponent);
    }

    /// <summary>Distance between two doubles counted in representable doubles (±0 are the same point).</summary>
    public static double OfDouble(double actual, double reference)
    {
        // Subtract as integers: converting the ordered values to double first would round away the difference.
        return Math.Abs((double)((Int128)Ordered(actual) - Ordered(reference)));
    }

    private static long Ordered(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return bits < 0 ? long.MinValue - bits : bits;
    }
}
