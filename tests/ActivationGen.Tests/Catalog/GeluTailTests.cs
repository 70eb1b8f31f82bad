using System;
using System.Collections.Generic;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// GELU's negative tail, x·Φ(x) for x ≤ −1 down to where the result leaves the normal floats (x ≈ −13.14), which
/// includes −13.14 &lt; x &lt; −12.95 where Φ(x) alone is subnormal: the span kernel (the widest accelerated width) and the
/// scalar member against x·Φ(x) in double, at every multiple of 2⁻¹⁶ in [−13.4, −1] and every 64th float of each
/// binade in between.
/// </summary>
public sealed class GeluTailTests(ITestOutputHelper output)
{
    // Without a fused multiply-add (DOTNET_EnableAVX2=0) every step of the rational and the exp rounds twice: 5.0.
    private static readonly double Bound = ActivationGen.Simd.Vec128<float>.IsMultiplyAddFused ? 4 : 5.5;

    [Fact]
    public void NegativeTailIsWithinFourUlp()
    {
        var inputs = new List<float>();
        for (int k = -13 * 65536 - 26214; k <= -65536; k++)
            inputs.Add(k / 65536f);
        for (uint bits = BitConverter.SingleToUInt32Bits(-1f); bits <= BitConverter.SingleToUInt32Bits(-13.4f); bits += 64)
            inputs.Add(BitConverter.UInt32BitsToSingle(bits));
        float[] x = inputs.ToArray();
        var y = new float[x.Length];
        Activations.Gelu(x, y);
        double worst = 0, worstScalar = 0;
        float at = 0;
        int counted = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double expected = References.Gelu(x[i]);
            if (Math.Abs(expected) < 1.1754943508222875e-38)
                continue;
            counted++;
            double e = Grids.UlpError(y[i], expected);
            if (e > worst)
                (worst, at) = (e, x[i]);
            worstScalar = Math.Max(worstScalar, Grids.UlpError(Activations.Gelu(x[i]), expected));
        }
        output.WriteLine($"{counted} inputs with a normal result; span max {worst:F3} ulp at {at:R}, scalar max {worstScalar:F3} ulp");
        Assert.True(worst <= Bound, $"span: {worst} ulp at {at:R}");
        Assert.True(worstScalar <= Bound, $"scalar: {worstScalar} ulp");
    }
}
