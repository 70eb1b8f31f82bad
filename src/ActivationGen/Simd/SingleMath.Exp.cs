using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    /// <summary>e raised to x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Exp<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Exp);

    /// <summary>e^x − 1, accurate near zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Expm1<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &ScalarExpm1);

    private static float ScalarExpm1(float x) => (float)double.ExpM1(x);
}
