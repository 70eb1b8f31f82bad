using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    /// <summary>Hyperbolic tangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tanh<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Tanh);
}
