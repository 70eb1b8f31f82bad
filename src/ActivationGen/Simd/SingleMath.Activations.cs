using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    /// <summary>Hyperbolic tangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Tanh);
}
