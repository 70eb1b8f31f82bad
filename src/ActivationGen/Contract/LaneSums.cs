using System;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>
/// Per-lane sums of one vector per trainable parameter, compensated (Kahan) in the element type by the loop that
/// adds to them and flushed into double every <see cref="FlushPeriod"/> vectors: a plain float running sum drifts
/// by up to n·ε over n vectors, this one stays within a few ε of the exact sum.
/// </summary>
internal readonly ref struct LaneSums<TV, T>
    where TV : unmanaged, IVectorBits<TV, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Vectors added between flushes: few enough that the compensated float lanes stay exact to a few ε.</summary>
    public const int FlushPeriod = 256;

    public LaneSums(Span<TV> sums, Span<TV> compensations)
    {
        Sums = sums;
        Compensations = compensations;
        sums.Clear();
        compensations.Clear();
    }

    public Span<TV> Sums { get; }

    public Span<TV> Compensations { get; }

    /// <summary>Adds lane <c>l</c> of trainable <c>j</c> into <c>totals[j·TV.Count + l]</c>, and starts again from zero.</summary>
    public void FlushLanes(Span<double> totals)
    {
        Span<T> sum = stackalloc T[TV.Count];
        Span<T> compensation = stackalloc T[TV.Count];
        for (int j = 0; j < Sums.Length; j++)
        {
            TV.StoreUnsafe(Sums[j], ref sum[0], 0);
            TV.StoreUnsafe(Compensations[j], ref compensation[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
                totals[j * TV.Count + lane] += double.CreateTruncating(sum[lane]) - double.CreateTruncating(compensation[lane]);
        }
        Sums.Clear();
        Compensations.Clear();
    }

    /// <summary>Adds every lane of trainable <c>j</c> into <c>totals[j]</c>, and starts again from zero.</summary>
    /// <remarks>The lanes are summed in T, as the span members do: one rounding per flush, which the double total absorbs.</remarks>
    public void FlushSum(Span<double> totals)
    {
        for (int j = 0; j < Sums.Length; j++)
            totals[j] += double.CreateTruncating(TV.Sum(Sums[j])) - double.CreateTruncating(TV.Sum(Compensations[j]));
        Sums.Clear();
        Compensations.Clear();
    }
}
