using System;
using System.Collections.Generic;

namespace ActivationGen.Tests.Simd;

/// <summary>Argument sets: the whole range by bit-pattern stride, a dense interval, and the special values.</summary>
internal static class Inputs
{
    public static readonly float[] SpecialSingles =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-45f, 1.1754942e-38f, -1.1754942e-38f, 1.17549435e-38f, -1.17549435e-38f,
        1f, -1f, 0.5f, -0.5f, 2f, -2f, 3f, -3f, 1e-8f, -1e-8f, 1e-4f, -1e-4f,
        88.72283f, 88.72284f, 88.7f, 89f, -87.33655f, -87.34f, -103.27893f, -103.97208f, -104f, -110f,
        float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity, float.NaN, -float.NaN,
        MathF.PI, -MathF.PI, MathF.PI / 2, 1e5f, -1e5f, 1e20f, 16f, 20f, -20f, 9f, -9f, 15f, 17f, 4f, -4f, 3.9f, 10f,
    ];

    public static readonly double[] SpecialDoubles =
    [
        0d, -0d, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, 2.2250738585072014e-308, -2.2250738585072014e-308,
        1d, -1d, 0.5, -0.5, 2d, -2d, 3d, -3d, 1e-17, -1e-17, 1e-8, -1e-8, 1e-4, -1e-4,
        709.782712893384, 709.78271289338409, 709.8, 710, -708.39641853226408, -708.4, -744.44007192138121, -745.13321910194111, -745.2, -750,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, -double.NaN,
        Math.PI, -Math.PI, Math.PI / 2, 1e5, -1e5, 1e20, 16, 20, -20, 9, -9, 15, 17, 4, -4, 6, 10, 27, 37, 40,
    ];

    /// <summary>
    /// Every float between two of one sign (or zero), given in either order, the one of larger magnitude left out: so
    /// [1, 4) holds 2²⁴ floats, a multiple of every vector width, as the width-by-width harness needs.
    /// </summary>
    public static float[] EveryFloat(float from, float to)
    {
        int first = BitConverter.SingleToInt32Bits(Math.Abs(from)), last = BitConverter.SingleToInt32Bits(Math.Abs(to));
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        float sign = MathF.CopySign(1f, from);
        var x = new float[last - first];
        for (int i = 0; i < x.Length; i++)
            x[i] = sign * BitConverter.Int32BitsToSingle(first + i);
        return x;
    }

    /// <summary>Values striding all 2^32 patterns, values dense in [−20, 20], and the specials; length a multiple of 16.</summary>
    public static float[] Singles(int wholeRange = 1 << 20, int dense = 1 << 20, float denseRadius = 20f)
    {
        var list = new List<float>(wholeRange + dense + 64);
        uint step = (uint)(0x1_0000_0000UL / (ulong)wholeRange) | 1; // odd, so every low bit pattern is visited
        uint bits = 12345;
        for (int i = 0; i < wholeRange; i++, bits += step)
        {
            list.Add(BitConverter.UInt32BitsToSingle(bits));
        }
        for (int i = 0; i < dense; i++)
        {
            list.Add(-denseRadius + 2 * denseRadius * (i + 0.5f) / dense);
        }
        list.AddRange(SpecialSingles);
        foreach (float s in SpecialSingles)
        {
            list.Add(BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(s) + 1));
            list.Add(BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(s) - 1));
        }
        while (list.Count % 16 != 0)
        {
            list.Add(0f);
        }
        return list.ToArray();
    }

    /// <summary>Values striding all 2^64 patterns, values dense in [−20, 20], and the specials; length a multiple of 16.</summary>
    public static double[] Doubles(int wholeRange = 1 << 20, int dense = 1 << 20, double denseRadius = 20)
    {
        var list = new List<double>(wholeRange + dense + 64);
        ulong step = (ulong.MaxValue / (ulong)wholeRange) | 1;
        ulong bits = 0x1234_5678_9abcUL;
        for (int i = 0; i < wholeRange; i++, bits += step)
        {
            list.Add(BitConverter.UInt64BitsToDouble(bits));
        }
        var random = new Random(42);
        for (int i = 0; i < dense; i++)
        {
            // Random low bits, so the dense set does not sit on a coarse grid.
            list.Add(-denseRadius + 2 * denseRadius * (i + random.NextDouble()) / dense);
        }
        list.AddRange(SpecialDoubles);
        foreach (double s in SpecialDoubles)
        {
            list.Add(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(s) + 1));
            list.Add(BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(s) - 1));
        }
        while (list.Count % 16 != 0)
        {
            list.Add(0d);
        }
        return list.ToArray();
    }
}
