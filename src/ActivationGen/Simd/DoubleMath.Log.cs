using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    /// <summary>Natural logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Log);

    /// <summary>log(1 + x), accurate near zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &ScalarLog1p);

    private static double ScalarLog1p(double x) => (double)double.LogP1(x);
}
