using System;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Float tanh where its two branches meet, and its symmetry, beyond the random inputs of <see cref="SingleMathTests"/>.</summary>
public sealed class TanhTests(ITestOutputHelper output)
{
    private struct TanhOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Tanh(x); public static double Reference(double x) => Math.Tanh(x); }

    // Every float in [0.5, 0.625), both sides of the switch at atanh(1/2) = 0.5493: the largest error over all
    // floats in [0, 10.5] is there (measured 1.62 ulp at 0.5528, where 1 − q starts and q rounds at ½).
    [Fact]
    public void EveryFloatAroundTheBranch()
    {
        int first = BitConverter.SingleToInt32Bits(0.5f), count = BitConverter.SingleToInt32Bits(0.625f) - first;
        var x = new float[count];
        for (int i = 0; i < count; i++)
            x[i] = BitConverter.Int32BitsToSingle(first + i);
        Harness.CheckSingle<TanhOp>("Tanh around the branch", x, 2, output);
    }

    // tanh is odd, and Math.Tanh(−0) is −0: the result's sign is x's at every width, −0 included.
    [Fact]
    public void OddWithNegativeZero()
    {
        float[] x = [.. Inputs.Singles(1 << 12, 1 << 12), -0f, 0f];
        x = [.. x, .. new float[(16 - x.Length % 16) % 16]];
        float[] negated = Array.ConvertAll(x, v => -v);
        foreach (var (width, run) in Harness.Widths<TanhOp>())
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
