using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>
/// Where e^−|x| is deep in the subnormals, σ(x) and σ′(x) are that exp itself (1 + w rounds to 1), so they must be
/// correctly rounded: the exp applies 2^n to the polynomial in one rounding (vscalef, or a single exponent-field
/// factor without AVX-512). A 2^n applied in two roundings, or by adding n to the exponent bits, is off by up to a
/// whole subnormal step (or more) here, which the 4-ulp checks of <see cref="SingleMathTests"/> let pass.
/// </summary>
public sealed class SubnormalRoundingTests(ITestOutputHelper output)
{
    // Below 2^−140 the polynomial's relative error (under 1e-7) is under 2e-5 of the 2^−149 step: what is left is
    // the final rounding's half step.
    private const double CorrectlyRounded = 0.5 + 1e-3;

    private struct SigmoidOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sigmoid(x); public static double Reference(double x) => References.Sigmoid(x); }
    private struct SigmoidDerivativeOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.SigmoidDerivative(x); public static double Reference(double x) => References.SigmoidDerivative(x); }

    /// <summary>Every float in [−104, −97] (e^x from 2^−150 to 2^−139.9), negated too when <paramref name="bothSigns"/>; a multiple of 16 long.</summary>
    private static float[] DeepSubnormalTail(bool bothSigns)
    {
        var x = new List<float>();
        for (float v = -104f; v <= -97f; v = MathF.BitIncrement(v))
        {
            x.Add(v);
            if (bothSigns)
                x.Add(-v);
        }
        return x.GetRange(0, x.Count - x.Count % 16).ToArray();
    }

    [Fact] public void SigmoidIsCorrectlyRoundedInTheSubnormals() => Harness.CheckSingle<SigmoidOp>("Sigmoid (subnormal)", DeepSubnormalTail(false), CorrectlyRounded, output);

    [Fact] public void SigmoidDerivativeIsCorrectlyRoundedInTheSubnormals() => Harness.CheckSingle<SigmoidDerivativeOp>("SigmoidDerivative (subnormal)", DeepSubnormalTail(true), CorrectlyRounded, output);
}
