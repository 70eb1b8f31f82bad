namespace ActivationGen.Demo.Tour;

/// <summary>Seeded random numbers the scenes draw their data from.</summary>
public static class Sampling
{
    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static (double Mean, double StandardDeviation, double Minimum, double Maximum) Statistics(ReadOnlySpan<float> values)
    {
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (float v in values)
        {
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double mean = sum / values.Length, squares = 0;
        foreach (float v in values)
            squares += (v - mean) * (v - mean);
        return (mean, Math.Sqrt(squares / values.Length), min, max);
    }
}
