using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    /// <summary>e raised to x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Exp);

    /// <summary>e^x − 1, accurate near zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Expm1<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &ScalarExpm1);

    private static double ScalarExpm1(double x) => (double)double.ExpM1(x);
}
