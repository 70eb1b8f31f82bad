using System;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Float tanh where its argument reduction starts, and its symmetry, beyond the random inputs of <see cref="SingleMathTests"/>.</summary>
public sealed class TanhTests(ITestOutputHelper output)
{
    // Every float in [0.75, 1), both sides of the reduction's first step at 2.5·ln2/2 = 0.8664, below which tanh is
    // the polynomial alone and above which 1 − (1 − τ)/D: the largest error over all floats in [0, 10.5] is there
    // (measured 1.31 ulp at 0.8909, 1.33 without FMA), and TanhShrink (x − tanh x from 0.75 up) magnifies it up to 8 times.
    [Fact]
    public void EveryFloatAroundTheFirstReduction()
    {
        Harness.CheckSingle<SingleMathTests.TanhOp>("Tanh around the first reduction", Inputs.EveryFloat(0.75f, 1f), 1.5, output);
    }

    // tanh is odd, and Math.Tanh(−0) is −0: the result's sign is x's at every width, −0 included.
    [Fact]
    public void OddWithNegativeZero()
    {
        float[] x = [.. Inputs.Singles(1 << 12, 1 << 12), -0f, 0f];
        x = [.. x, .. new float[(16 - x.Length % 16) % 16]];
        float[] negated = Array.ConvertAll(x, v => -v);
        foreach (var (width, run) in Harness.Widths<SingleMathTests.TanhOp>())
        {
            float[] y = new float[x.Length], z = new float[x.Length];
            run(x, y);
            run(negated, z);
            for (int i = 0; i < x.Length; i++)
            {
                Assert.True(float.IsNaN(y[i]) ? float.IsNaN(z[i]) : BitConverter.SingleToInt32Bits(-y[i]) == BitConverter.SingleToInt32Bits(z[i]),
                    $"{width}: tanh({x[i]:R}) = {y[i]:R} but tanh({negated[i]:R}) = {z[i]:R}");
                if (x[i] == 0)
                    Assert.Equal(double.IsNegative(Math.Tanh(x[i])), float.IsNegative(y[i]));
            }
        }
    }
}
