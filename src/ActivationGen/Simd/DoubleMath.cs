using System;
using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

/// <summary>
/// Vector math over <see cref="IVector{TSelf, T}"/> of <c>double</c>, written once and specialized by the JIT for
/// every width. NaN in gives NaN out; see the README beside this file for methods and measured accuracy.
/// </summary>
public static unsafe partial class DoubleMath
{
    /// <summary>Square root.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sqrt<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => TV.Sqrt(x);

    /// <summary>Absolute value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Abs<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => TV.Abs(x);

    /// <summary>−1, 0 or 1 by the sign of x; 0 for ±0 and NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Sign<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        // x - x maps ±0 to +0 and keeps NaN, so only the strict comparisons need a select.
        => TV.ConditionalSelect(TV.GreaterThan(x, TV.Create(0)), TV.Create(1),
            TV.ConditionalSelect(TV.LessThan(x, TV.Create(0)), TV.Create(-1), x - x));

    /// <summary>Lane-wise minimum; NaN if either is NaN (torch.minimum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Min<TV>(TV a, TV b) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => TV.Min(a, b);

    /// <summary>Lane-wise maximum; NaN if either is NaN (torch.maximum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Max<TV>(TV a, TV b) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => TV.Max(a, b);

    /// <summary>min(max(x, lo), hi); NaN if any argument is NaN (torch.clamp).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Clamp<TV>(TV x, TV lo, TV hi) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => TV.Min(TV.Max(x, lo), hi);
}
