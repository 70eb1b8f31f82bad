using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    /// <summary>Error function.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erf<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &ScalarErf);

    private static double ScalarErf(double x) => (double)Simd.ScalarErf.Erf(x);
}
