using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Float softplus over every float where its error peaks, beyond the random inputs of <see cref="SingleMathTests"/>.</summary>
public sealed class SoftplusTests(ITestOutputHelper output)
{
    // For x < 0, softplus is log1p(e^x), which passes e^x's error on almost whole: the largest error over every
    // float in [2⁻¹⁰, 30] of either sign is here, 2.83 ulp at −2.753 with AVX-512's tabled exp (3.44 before its table
    // rounding was corrected, above the catalog's bound of 3, which the catalog's grid did not catch), 2.89 at
    // −2.023 with the AVX2 class's.
    [Fact]
    public void EveryFloatFromMinusFourToMinusOne()
    {
        Harness.CheckSingle<SingleMathTests.SoftplusOp>("Softplus on (−4, −1]", Inputs.EveryFloat(-1f, -4f), 3, output);
    }
}
