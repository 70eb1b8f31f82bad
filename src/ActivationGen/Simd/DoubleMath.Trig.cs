using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class DoubleMath
{
    /// <summary>Sine (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sin<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Sin);

    /// <summary>Cosine (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Cos<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Cos);

    /// <summary>Tangent (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tan<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Tan);

    /// <summary>Arctangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Atan<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Lanes.Map<TV, double>(x, &Math.Atan);
}
