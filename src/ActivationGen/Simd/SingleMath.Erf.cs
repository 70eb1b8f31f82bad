using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    /// <summary>Error function.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erf<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &ScalarErf);

    private static float ScalarErf(float x) => (float)Simd.ScalarErf.Erf(x);
}
