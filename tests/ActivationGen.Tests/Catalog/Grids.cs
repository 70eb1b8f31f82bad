using System;
using System.Collections.Generic;

namespace ActivationGen.Tests.Catalog;

/// <summary>Float inputs for the whole-range tests, and the ulp measure.</summary>
internal static class Grids
{
    /// <summary>The finite floats that hide in the corners: ±0, the subnormals, the normal boundary, the largest.</summary>
    public static readonly float[] Specials =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-45f, 1e-40f, -1e-40f, 1.1754942e-38f, -1.1754942e-38f,
        1.17549435e-38f, -1.17549435e-38f, 1e-30f, -1e-30f, 1e30f, -1e30f, 1e38f, -1e38f, 3.4e38f, -3.4e38f,
        float.MaxValue, -float.MaxValue, 1.8446743e19f, -1.8446743e19f, 88.72284f, -88.72284f, 89f, -89f,
        103.97f, -103.97f, 1e5f, -1e5f, 1e18f, -1e18f, 1.0000001e18f, -1.0000001e18f,
    ];

    /// <summary>Every <paramref name="stride"/>-th of the 2³² bit patterns that is a finite float, then <see cref="Specials"/>.</summary>
    public static float[] WholeRange(uint stride)
    {
        var values = new List<float>((int)(0x1_0000_0000UL / stride) + Specials.Length);
        for (ulong bits = 0; bits < 0x1_0000_0000UL; bits += stride)
        {
            float x = BitConverter.UInt32BitsToSingle((uint)bits);
            if (float.IsFinite(x))
                values.Add(x);
        }
        values.AddRange(Specials);
        return values.ToArray();
    }

    /// <summary>
    /// The dense grid of the ulp table: every 2048th float of magnitude up to 1e4 (all binades from the
    /// smallest subnormal up, about 1.1M points), every multiple of 2⁻¹² in [−16, 16], and the specials.
    /// </summary>
    public static float[] Dense()
    {
        var values = new List<float>();
        uint top = BitConverter.SingleToUInt32Bits(1e4f);
        for (uint bits = 0; bits <= top; bits += 2048)
        {
            float x = BitConverter.UInt32BitsToSingle(bits);
            values.Add(x);
            values.Add(-x);
        }
        for (int k = -16 * 4096; k <= 16 * 4096; k++)
            values.Add(k / 4096f);
        values.AddRange(Specials);
        return values.ToArray();
    }

    /// <summary>The spacing of floats at <paramref name="reference"/> (2⁻¹⁴⁹ among the subnormals).</summary>
    public static double Ulp(double reference)
    {
        double a = Math.Abs(reference);
        if (a == 0 || double.IsNaN(a))
            return Math.ScaleB(1.0, -149);
        int exponent = Math.Max(Math.ILogB(a), -126);
        return Math.ScaleB(1.0, exponent - 23);
    }

    /// <summary>|actual − reference| in ulps of the reference; +∞ for a NaN or an infinity where the float result is finite.</summary>
    public static double UlpError(float actual, double reference)
    {
        float rounded = (float)reference;
        if (float.IsInfinity(rounded))
            return actual == rounded ? 0 : double.PositiveInfinity;
        if (!float.IsFinite(actual))
            return double.PositiveInfinity;
        return Math.Abs(actual - reference) / Ulp(reference);
    }
}
