using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>Summary of a recurrent cell's hidden states at one step, over the batch and the units (what the tour plots per step).</summary>
/// <param name="Mean">The mean state.</param>
/// <param name="StandardDeviation">The population standard deviation.</param>
/// <param name="Minimum">The smallest state.</param>
/// <param name="Maximum">The largest state.</param>
public readonly record struct HiddenStateStatistics(double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    internal static HiddenStateStatistics Of<T>(ReadOnlySpan<T> states)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double sum = 0, minimum = double.PositiveInfinity, maximum = double.NegativeInfinity;
        foreach (T state in states)
        {
            double value = double.CreateChecked(state);
            sum += value;
            minimum = Math.Min(minimum, value);
            maximum = Math.Max(maximum, value);
        }
        double mean = sum / states.Length, squares = 0;
        foreach (T state in states)
            squares += (double.CreateChecked(state) - mean) * (double.CreateChecked(state) - mean);
        return new HiddenStateStatistics(mean, Math.Sqrt(squares / states.Length), minimum, maximum);
    }
}
