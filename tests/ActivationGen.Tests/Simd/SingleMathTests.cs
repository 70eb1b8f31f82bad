using System;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Each <see cref="SingleMath"/> function at every width against a double-precision reference, 4 ulp.</summary>
public sealed class SingleMathTests(ITestOutputHelper output)
{
    private const double Tolerance = 4;

    // The normal tail's rational and exp are sums of products: without a fused multiply-add (x86 without FMA3, run
    // with DOTNET_EnableAVX2=0) each step rounds twice, measured up to 4.9 ulp (erfc), 4.6 (erfc(x/√2)), 4.3 (GELU)
    // and 5.3 (GELU′).
    private static double FusedOr(double fused, double unfused) => Vec128<float>.IsMultiplyAddFused ? fused : unfused;
    private static readonly float[] X = Inputs.Singles(1 << 19, 1 << 19);

    private void Check<TOp>(string name, double tolerance = Tolerance) where TOp : ISingleOp
        => Harness.CheckSingle<TOp>(name, X, tolerance, output);

    private struct ExpOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Exp(x); public static double Reference(double x) => Math.Exp(x); }
    private struct LogOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Log(x); public static double Reference(double x) => Math.Log(x); }
    private struct Log1pOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Log1p(x); public static double Reference(double x) => References.Log1pForSingle(x); }
    private struct Expm1Op : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Expm1(x); public static double Reference(double x) => References.Expm1ForSingle(x); }
    private struct SqrtOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sqrt(x); public static double Reference(double x) => Math.Sqrt(x); }
    private struct AbsOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Abs(x); public static double Reference(double x) => Math.Abs(x); }
    private struct SignOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sign(x); public static double Reference(double x) => References.Sign(x); }
    internal struct TanhOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Tanh(x); public static double Reference(double x) => Math.Tanh(x); }
    internal struct SigmoidOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sigmoid(x); public static double Reference(double x) => References.Sigmoid(x); }
    internal struct SoftplusOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Softplus(x); public static double Reference(double x) => References.SoftplusForSingle(x); }
    private struct ErfOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Erf(x); public static double Reference(double x) => References.ErfForSingle(x); }
    private struct SinOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sin(x); public static double Reference(double x) => Math.Sin(x); }
    private struct CosOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Cos(x); public static double Reference(double x) => Math.Cos(x); }
    private struct TanOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Tan(x); public static double Reference(double x) => Math.Tan(x); }
    private struct AtanOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Atan(x); public static double Reference(double x) => Math.Atan(x); }

    [Fact] public void Exp() => Check<ExpOp>("Exp");
    [Fact] public void Log() => Check<LogOp>("Log");
    [Fact] public void Log1p() => Check<Log1pOp>("Log1p");
    [Fact] public void Expm1() => Check<Expm1Op>("Expm1");
    [Fact] public void Sqrt() => Check<SqrtOp>("Sqrt", 0.5);
    [Fact] public void Abs() => Check<AbsOp>("Abs", 0);
    [Fact] public void Sign() => Check<SignOp>("Sign", 0);
    [Fact] public void Tanh() => Check<TanhOp>("Tanh");
    [Fact] public void Sigmoid() => Check<SigmoidOp>("Sigmoid");
    [Fact] public void Softplus() => Check<SoftplusOp>("Softplus");

    private struct TanhSoftplusOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.TanhSoftplus(x); public static double Reference(double x) => References.TanhSoftplus(x); }
    [Fact] public void TanhSoftplus() => Check<TanhSoftplusOp>("TanhSoftplus");
    [Fact] public void Erf() => Check<ErfOp>("Erf");
    [Fact] public void Sin() => Check<SinOp>("Sin");
    [Fact] public void Cos() => Check<CosOp>("Cos");
    [Fact] public void Tan() => Check<TanOp>("Tan");
    [Fact] public void Atan() => Check<AtanOp>("Atan");

    private struct ErfcOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Erfc(x); public static double Reference(double x) => References.Erfc(x); }
    private struct GaussianOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Gaussian(x); public static double Reference(double x) => References.Gaussian(x); }
    internal struct SigmoidDerivativeOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.SigmoidDerivative(x); public static double Reference(double x) => References.SigmoidDerivative(x); }
    private struct TanhDerivativeOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.TanhDerivative(x); public static double Reference(double x) => References.TanhDerivative(x); }
    private struct TanhSoftplusDerivativeOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.TanhSoftplusDerivative(x); public static double Reference(double x) => References.TanhSoftplusDerivative(x); }
    [Fact] public void Gaussian() => Check<GaussianOp>("Gaussian");
    // σ′ = w/(1 + w)²: the exp, the sum, the square and the quotient each round once.
    [Fact] public void SigmoidDerivative() => Check<SigmoidDerivativeOp>("SigmoidDerivative", 5);
    [Fact] public void TanhDerivative() => Check<TanhDerivativeOp>("TanhDerivative", 5);
    // Two quadratics in w, a square and a quotient after the exp.
    [Fact] public void TanhSoftplusDerivative() => Check<TanhSoftplusDerivativeOp>("TanhSoftplusDerivative", 7);
    // e^(−x²)·2R(x√2)/…: the two Estrin sums of the rational, the exp's reduction and polynomial, one fused product
    // and the division each round once; measured 3.96 ulp (at 1.33).
    [Fact] public void Erfc() => Check<ErfcOp>("Erfc", FusedOr(Tolerance, 5));
    private struct ErfcOverRoot2Op : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.ErfcOverRoot2(x); public static double Reference(double x) => References.ErfcOverRoot2(x); }
    private struct GaussianOverRoot2Op : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.GaussianOverRoot2(x); public static double Reference(double x) => References.GaussianOverRoot2(x); }
    [Fact] public void GaussianOverRoot2() => Check<GaussianOverRoot2Op>("GaussianOverRoot2");
    // As Erfc, with R at x itself and e^(−x²/2) from the exact x²: measured 4.33 ulp (at 4.63).
    [Fact] public void ErfcOverRoot2() => Check<ErfcOverRoot2Op>("ErfcOverRoot2", FusedOr(4.4, 5));

    private struct GeluOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Gelu(x); public static double Reference(double x) => References.Gelu(x); }
    private struct GeluDerivativeOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.GeluDerivative(x); public static double Reference(double x) => References.GeluDerivative(x); }

    // Whole line, measured 4.08 ulp (at −0.065, where the rational's sums sit near the bottom of their binades);
    // the negative tail from −1 on is within 4 (Catalog.GeluTailTests).
    [Fact] public void Gelu() => Check<GeluOp>("Gelu", FusedOr(4.2, 5));

    // GELU′ crosses 0 at x = −0.7518: there Φ(x) and x·φ(x) (about ±0.23) cancel, and any evaluation is accurate in
    // absolute terms only. Outside (−1.2, −0.4) the bound is in ulp; inside, in units of 2^-24 absolute (measured 0.80).
    [Fact]
    public void GeluDerivative()
    {
        // Measured 4.85 ulp (at −0.001, a value just below ½ computed from terms just above ½ and 1).
        Harness.CheckSingle<GeluDerivativeOp>("GeluDerivative", Pad(Array.FindAll(X, x => !(x > -1.2f && x < -0.4f))), FusedOr(5, 5.5), output);
        var near = new float[1 << 16];
        for (int i = 0; i < near.Length; i++)
            near[i] = -1.2f + 0.8f * i / near.Length;
        foreach (var (width, run) in Harness.Widths<GeluDerivativeOp>())
        {
            var y = new float[near.Length];
            run(near, y);
            double worst = 0;
            for (int i = 0; i < near.Length; i++)
                worst = Math.Max(worst, Math.Abs(y[i] - References.GeluDerivative(near[i])) * 16777216.0);
            output.WriteLine($"float GeluDerivative {width,-7} near the root: max {worst:F3} × 2^-24 absolute");
            Assert.True(worst <= FusedOr(1, 2), $"{width}: {worst} × 2^-24");
        }
    }

    private static float[] Pad(float[] x) => [.. x, .. new float[(16 - x.Length % 16) % 16]];
}
