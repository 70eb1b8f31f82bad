using System;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ActivationGen.Tests.Simd;

/// <summary>The accuracy harness must reject an implementation a few ulp off, or one with a wrong special value.</summary>
public sealed class HarnessTests(ITestOutputHelper output)
{
    private static readonly float[] X = Inputs.Singles(1 << 12, 1 << 12);

    /// <summary>Exp scaled by 1 + 2^-20: about 8 to 16 ulp off everywhere.</summary>
    private struct SkewedExp : ISingleOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Exp(x) * TV.Create(1f + 1f / (1 << 20));
        public static double Reference(double x) => Math.Exp(x);
    }

    /// <summary>Exp with NaN replaced by zero.</summary>
    private struct NaNLosingExp : ISingleOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
            => TV.ConditionalSelect(TV.NotEqual(x, x), TV.Create(0f), SingleMath.Exp(x));
        public static double Reference(double x) => Math.Exp(x);
    }

    private struct ExactExp : ISingleOp
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Exp(x);
        public static double Reference(double x) => Math.Exp(x);
    }

    [Fact]
    public void RejectsAFewUlpOff() => Assert.Throws<TrueException>(() => Harness.CheckSingle<SkewedExp>("SkewedExp", X, 4, output));

    [Fact]
    public void RejectsAWrongSpecialValue() => Assert.Throws<TrueException>(() => Harness.CheckSingle<NaNLosingExp>("NaNLosingExp", X, 4, output));

    [Fact]
    public void AcceptsTheRealFunction() => Assert.True(Harness.CheckSingle<ExactExp>("Exp", X, 4, output) <= 4);
}
