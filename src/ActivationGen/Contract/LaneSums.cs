using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>
/// Running per-lane sums of one vector per trainable parameter, compensated (Kahan) in the element type and
/// flushed into double by the caller every few hundred vectors: a plain float running sum drifts by up to n·ε
/// over n vectors, this one stays within a few ε of the exact sum.
/// </summary>
internal ref struct LaneSums<TV, T>
    where TV : unmanaged, IVectorBits<TV, T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Vectors added between flushes: few enough that the compensated float lanes stay exact to a few ε.</summary>
    public const int FlushPeriod = 256;

    private readonly Span<TV> sums;
    private readonly Span<TV> compensations;

    public LaneSums(Span<TV> sums, Span<TV> compensations)
    {
        this.sums = sums;
        this.compensations = compensations;
        sums.Clear();
        compensations.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Add(ReadOnlySpan<TV> values)
    {
        for (int j = 0; j < sums.Length; j++)
        {
            TV step = values[j] - compensations[j];
            TV next = sums[j] + step;
            compensations[j] = (next - sums[j]) - step;
            sums[j] = next;
        }
    }

    /// <summary>Adds lane <c>l</c> of trainable <c>j</c> into <c>totals[j·TV.Count + l]</c>, and starts again from zero.</summary>
    public readonly void FlushLanes(Span<double> totals)
    {
        Span<T> sum = stackalloc T[TV.Count];
        Span<T> compensation = stackalloc T[TV.Count];
        for (int j = 0; j < sums.Length; j++)
        {
            TV.StoreUnsafe(sums[j], ref sum[0], 0);
            TV.StoreUnsafe(compensations[j], ref compensation[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
                totals[j * TV.Count + lane] += double.CreateTruncating(sum[lane]) - double.CreateTruncating(compensation[lane]);
        }
        sums.Clear();
        compensations.Clear();
    }

    /// <summary>Adds every lane of trainable <c>j</c> into <c>totals[j]</c>, and starts again from zero.</summary>
    public readonly void FlushSum(Span<double> totals)
    {
        Span<T> sum = stackalloc T[TV.Count];
        Span<T> compensation = stackalloc T[TV.Count];
        for (int j = 0; j < sums.Length; j++)
        {
            TV.StoreUnsafe(sums[j], ref sum[0], 0);
            TV.StoreUnsafe(compensations[j], ref compensation[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
                totals[j] += double.CreateTruncating(sum[lane]) - double.CreateTruncating(compensation[lane]);
        }
        sums.Clear();
        compensations.Clear();
    }
}
