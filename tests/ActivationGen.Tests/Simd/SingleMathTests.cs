using System;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Each <see cref="SingleMath"/> function at every width against a double-precision reference, 4 ulp.</summary>
public sealed class SingleMathTests(ITestOutputHelper output)
{
    private const double Tolerance = 4;
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
    private struct TanhOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Tanh(x); public static double Reference(double x) => Math.Tanh(x); }
    private struct SigmoidOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Sigmoid(x); public static double Reference(double x) => References.Sigmoid(x); }
    private struct SoftplusOp : ISingleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Softplus(x); public static double Reference(double x) => References.SoftplusForSingle(x); }
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
}
