using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    /// <summary>Natural logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Log);

    /// <summary>log(1 + x), accurate near zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Log1p<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &ScalarLog1p);

    private static float ScalarLog1p(float x) => (float)double.LogP1(x);
}
