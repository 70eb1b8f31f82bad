using System;
using System.ComponentModel;
using System.Globalization;

namespace ActivationGen.Benchmarking;

/// <summary>
/// The correctness guard of a generated stub: it compares what a kernel wrote on the benchmark data with a
/// double evaluation of the same formula and throws from <c>[GlobalSetup]</c> on disagreement, so a wrong kernel
/// never gets a timing. Elements are compared at a stride that visits about 64K of them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class BenchmarkGuard
{
    private const int Visited = 1 << 16;
    private readonly string activation;
    private readonly double tolerance;
    private string? failure;

    /// <param name="activation">Name of the activation, for the message.</param>
    /// <param name="length">Length of the benchmark spans.</param>
    /// <param name="elementBytes">4 for float (tolerance 1e-5, DESIGN.md's bound for any formula), 8 for double (1e-10).</param>
    public BenchmarkGuard(string activation, int length, int elementBytes)
    {
        this.activation = activation;
        tolerance = elementBytes == sizeof(float) ? 1e-5 : 1e-10;
        Stride = Math.Max(1, length / Visited);
        PrefixLength = Math.Min(length, Visited);
    }

    /// <summary>Distance between the compared elements.</summary>
    public int Stride { get; }

    /// <summary>Length of the prefix over which parameter-gradient sums are compared (sums need every element).</summary>
    public int PrefixLength { get; }

    /// <summary>Records a disagreement: relative above 1 in magnitude, absolute below; NaN agrees only with NaN.</summary>
    public void Agree(string member, int index, double actual, double expected)
    {
        bool agrees = double.IsNaN(expected)
            ? double.IsNaN(actual)
            : actual == expected || Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected));
        if (!agrees)
            failure ??= string.Create(CultureInfo.InvariantCulture,
                $"{activation}: {member} gave {actual:R} at element {index}, the double evaluation {expected:R}.");
    }

    /// <summary>Records a disagreement of a sum, relative to <paramref name="magnitude"/> = Σ|term|.</summary>
    public void AgreeSum(string member, double actual, double expected, double magnitude)
    {
        if (!(Math.Abs(actual - expected) <= tolerance * Math.Max(1, magnitude)))
            failure ??= string.Create(CultureInfo.InvariantCulture,
                $"{activation}: {member} summed to {actual:R} over {PrefixLength} elements, the double evaluation to {expected:R}.");
    }

    /// <summary>Throws if anything disagreed, naming the first disagreement.</summary>
    public void ThrowIfFailed()
    {
        if (failure is not null)
            throw new InvalidOperationException(failure + " Not timing a wrong kernel.");
    }
}
