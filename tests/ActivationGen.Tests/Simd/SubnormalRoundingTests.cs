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

    /// <summary>
    /// Every float of magnitude in [97, 104.5) (e^−|x| from below 2^−150, where it rounds to 0, to 2^−139.9), negative,
    /// and positive too when <paramref name="bothSigns"/>; a multiple of 16 long.
    /// </summary>
    private static float[] DeepSubnormalTail(bool bothSigns) =>
        bothSigns ? [.. Inputs.EveryFloat(-97f, -104.5f), .. Inputs.EveryFloat(97f, 104.5f)] : Inputs.EveryFloat(-97f, -104.5f);

    [Fact] public void SigmoidIsCorrectlyRoundedInTheSubnormals() => Harness.CheckSingle<SingleMathTests.SigmoidOp>("Sigmoid (subnormal)", DeepSubnormalTail(false), CorrectlyRounded, output);

    [Fact] public void SigmoidDerivativeIsCorrectlyRoundedInTheSubnormals() => Harness.CheckSingle<SingleMathTests.SigmoidDerivativeOp>("SigmoidDerivative (subnormal)", DeepSubnormalTail(true), CorrectlyRounded, output);
}
