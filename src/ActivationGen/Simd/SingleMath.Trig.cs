using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static unsafe partial class SingleMath
{
    /// <summary>Sine (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sin<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Sin);

    /// <summary>Cosine (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Cos<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Cos);

    /// <summary>Tangent (radians).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Tan<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Tan);

    /// <summary>Arctangent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Atan<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => Lanes.Map<TV, float>(x, &MathF.Atan);
}
