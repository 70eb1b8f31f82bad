using System;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Each <see cref="DoubleMath"/> function at every width against Math.* or a double-double series, 5 ulp.</summary>
public sealed class DoubleMathTests(ITestOutputHelper output)
{
    // The references (Math.*) are within 1 ulp themselves, so 4 ulp of the exact result allows 5 against them.
    private const double Tolerance = 5;
    private static readonly double[] X = Inputs.Doubles(1 << 19, 1 << 19);

    private void Check<TOp>(string name, double tolerance = Tolerance) where TOp : IDoubleOp
        => Harness.CheckDouble<TOp>(name, X, tolerance, output);

    private struct ExpOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Exp(x); public static double Reference(double x) => Math.Exp(x); }
    private struct LogOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Log(x); public static double Reference(double x) => Math.Log(x); }
    private struct Log1pOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Log1p(x); public static double Reference(double x) => References.Log1p(x); }
    private struct Expm1Op : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Expm1(x); public static double Reference(double x) => References.Expm1(x); }
    private struct SqrtOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Sqrt(x); public static double Reference(double x) => Math.Sqrt(x); }
    private struct AbsOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Abs(x); public static double Reference(double x) => Math.Abs(x); }
    private struct SignOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Sign(x); public static double Reference(double x) => References.Sign(x); }
    private struct TanhOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Tanh(x); public static double Reference(double x) => Math.Tanh(x); }
    private struct SigmoidOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Sigmoid(x); public static double Reference(double x) => References.Sigmoid(x); }
    private struct SoftplusOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Softplus(x); public static double Reference(double x) => References.Softplus(x); }
    private struct ErfOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Erf(x); public static double Reference(double x) => References.Erf(x); }
    private struct SinOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Sin(x); public static double Reference(double x) => Math.Sin(x); }
    private struct CosOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Cos(x); public static double Reference(double x) => Math.Cos(x); }
    private struct TanOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Tan(x); public static double Reference(double x) => Math.Tan(x); }
    private struct AtanOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Atan(x); public static double Reference(double x) => Math.Atan(x); }

    [Fact] public void Exp() => Check<ExpOp>("Exp");
    [Fact] public void Log() => Check<LogOp>("Log");
    [Fact] public void Log1p() => Check<Log1pOp>("Log1p");
    [Fact] public void Expm1() => Check<Expm1Op>("Expm1");
    [Fact] public void Sqrt() => Check<SqrtOp>("Sqrt", 0);
    [Fact] public void Abs() => Check<AbsOp>("Abs", 0);
    [Fact] public void Sign() => Check<SignOp>("Sign", 0);
    [Fact] public void Tanh() => Check<TanhOp>("Tanh");
    [Fact] public void Sigmoid() => Check<SigmoidOp>("Sigmoid");
    [Fact] public void Softplus() => Check<SoftplusOp>("Softplus");

    private struct TanhSoftplusOp : IDoubleOp { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.TanhSoftplus(x); public static double Reference(double x) => References.TanhSoftplus(x); }
    [Fact] public void TanhSoftplus() => Check<TanhSoftplusOp>("TanhSoftplus");
    [Fact] public void Erf() => Check<ErfOp>("Erf");
    [Fact] public void Sin() => Check<SinOp>("Sin");
    [Fact] public void Cos() => Check<CosOp>("Cos");
    [Fact] public void Tan() => Check<TanOp>("Tan");
    [Fact] public void Atan() => Check<AtanOp>("Atan");
}
