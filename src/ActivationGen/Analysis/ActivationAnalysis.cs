using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;

namespace ActivationGen;

/// <summary>
/// Gradient-flow analysis of any generated activation through its struct (<c>Activations.SigmoidActivation</c>):
/// how large its derivative is, where it vanishes or is exactly zero, where it saturates, what it outputs, and
/// how a gradient scales through L layers. Derivatives are the analytic ones of the generated backward kernel
/// (dy = 1), never finite differences, so kinks and saturation are exact.
/// </summary>
/// <example><code>
/// var flow = ActivationAnalysis.Analyze(new Activations.SigmoidActivation(), -6f, 6f);
/// // flow.MaxAbsDerivative == 0.25 at 0; flow.LayerProducts[2].Product == 0.25^10
/// </code></example>
public static class ActivationAnalysis
{
    private const int RefinementSteps = 60;

    /// <summary>Analyzes <paramref name="activation"/> over [<paramref name="from"/>, <paramref name="to"/>].</summary>
    /// <param name="activation">The activation (its hyperparameters are the struct's).</param>
    /// <param name="from">The range's lower end.</param>
    /// <param name="to">The range's upper end, above <paramref name="from"/>.</param>
    /// <param name="options">Sampling, thresholds and depth; <see cref="AnalysisOptions.Default"/> when null.</param>
    /// <param name="trainables">One value per trainable parameter; empty: their declared defaults.</param>
    /// <exception cref="ArgumentException">The range is empty or not finite, the options are out of range, or <paramref name="trainables"/> has the wrong length.</exception>
    public static GradientFlow Analyze<TAct, T>(TAct activation, T from, T to, AnalysisOptions? options = null, ReadOnlySpan<T> trainables = default)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        options ??= AnalysisOptions.Default;
        double lo = double.CreateTruncating(from), hi = double.CreateTruncating(to);
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(lo < hi))
            throw new ArgumentException($"The range [{lo}, {hi}] must be finite and non-empty.", nameof(from));
        if (options.Points < 2 || options.Layers < 0 || !(options.VanishingThreshold > 0) || !(options.PreActivationScale > 0))
            throw new ArgumentException("Points must be at least 2, Layers at least 0, VanishingThreshold and PreActivationScale positive.", nameof(options));
        var q = Trainables(activation, trainables);
        var probe = new Probe<TAct, T>(activation, q);

        int n = options.Points;
        double cell = (hi - lo) / n;
        var x = new T[n];
        for (int i = 0; i < n; i++)
            x[i] = T.CreateTruncating(lo + (i + 0.5) * cell);
        var (y, d) = probe.Evaluate(x);

        // Rounded to T like the derivatives: leaky ReLU's slope 0.01f is 0.01 in float, not below it.
        double threshold = double.CreateTruncating(T.CreateTruncating(options.VanishingThreshold));
        double sum = 0, max = -1;
        int argmax = 0, vanishing = 0, dead = 0;
        for (int i = 0; i < n; i++)
        {
            double magnitude = Math.Abs(d[i]);
            sum += magnitude;
            if (magnitude > max)
                (max, argmax) = (magnitude, i);
            vanishing += magnitude < threshold ? 1 : 0;
            dead += d[i] == 0 ? 1 : 0;
        }
        var (maxAt, maxValue) = RefineMaximum(probe, X(argmax - 1), X(argmax + 1), X(argmax), max);

        double outputMin = Math.Min(probe.Value(lo), probe.Value(hi)), outputMax = Math.Max(probe.Value(lo), probe.Value(hi));
        foreach (double v in y)
            (outputMin, outputMax) = (Math.Min(outputMin, v), Math.Max(outputMax, v));

        return new GradientFlow(
            TAct.Info.Name,
            lo,
            hi,
            sum / n,
            maxValue,
            maxAt,
            (double)vanishing / n,
            (double)dead / n,
            SaturationBoundary(probe, d, threshold, fromBelow: true, X),
            SaturationBoundary(probe, d, threshold, fromBelow: false, X),
            outputMin,
            outputMax,
            options.Layers,
            [.. options.TypicalPreActivations.Select(z => new LayerProduct(z, Math.Pow(Math.Abs(probe.Derivative(z)), options.Layers)))],
            Math.Pow(ExpectedAbsDerivative(probe, options.PreActivationScale), options.Layers),
            [.. y.Select((_, i) => X(i))],
            [.. y],
            [.. d]);

        // The sample point i, clamped to the range's ends.
        double X(int i) => i < 0 ? lo : i >= n ? hi : double.CreateTruncating(x[i]);
    }

    private static T[] Trainables<TAct, T>(TAct activation, ReadOnlySpan<T> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (trainables.IsEmpty)
            return [.. Enumerable.Range(0, TAct.TrainableCount).Select(activation.TrainableDefault)];
        if (trainables.Length != TAct.TrainableCount)
            throw new ArgumentException($"{TAct.Info.Name} has {TAct.TrainableCount} trainable parameters; {trainables.Length} values were given.", nameof(trainables));
        return trainables.ToArray();
    }

    /// <summary>Golden-section search for the largest |f′| between the neighbours of the best sample point.</summary>
    private static (double At, double Value) RefineMaximum<TAct, T>(Probe<TAct, T> probe, double a, double b, double best, double bestValue)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = Math.Abs(probe.Derivative(c)), fd = Math.Abs(probe.Derivative(d));
        for (int step = 0; step < RefinementSteps; step++)
        {
            if (fc >= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - ratio * (b - a);
                fc = Math.Abs(probe.Derivative(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + ratio * (b - a);
                fd = Math.Abs(probe.Derivative(d));
            }
        }
        // Kinks and plateaus defeat the search; it only ever improves on the samples.
        return fc > bestValue ? (c, fc) : fd > bestValue ? (d, fd) : (best, bestValue);
    }

    /// <summary>
    /// Where the run of vanishing samples that starts at one end of the range stops, refined by bisection between
    /// its last sample and the first that is not vanishing; null when the end itself is not vanishing.
    /// </summary>
    private static double? SaturationBoundary<TAct, T>(Probe<TAct, T> probe, double[] d, double threshold, bool fromBelow, Func<int, double> x)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int n = d.Length, step = fromBelow ? 1 : -1, i = fromBelow ? 0 : n - 1;
        if (!(Math.Abs(d[i]) < threshold))
            return null;
        while (i + step >= 0 && i + step < n && Math.Abs(d[i + step]) < threshold)
            i += step;
        if (i + step < 0 || i + step >= n)
            return fromBelow ? x(n) : x(-1); // vanishing over the whole range
        double saturated = x(i), active = x(i + step);
        for (int k = 0; k < RefinementSteps; k++)
        {
            double middle = 0.5 * (saturated + active);
            if (Math.Abs(probe.Derivative(middle)) < threshold)
                saturated = middle;
            else
                active = middle;
        }
        return saturated;
    }

    /// <summary>E|f′(z)| for z ~ N(0, scale²): the midpoint rule over ±8 standard deviations.</summary>
    private static double ExpectedAbsDerivative<TAct, T>(Probe<TAct, T> probe, double scale)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        const int Cells = 8000;
        const double Span = 8;
        double cell = 2 * Span / Cells;
        var z = new T[Cells];
        var weights = new double[Cells];
        for (int i = 0; i < Cells; i++)
        {
            double u = -Span + (i + 0.5) * cell;
            z[i] = T.CreateTruncating(u * scale);
            weights[i] = Math.Exp(-0.5 * u * u) * cell / Math.Sqrt(2 * Math.PI);
        }
        var (_, d) = probe.Evaluate(z);
        double expected = 0, total = 0;
        for (int i = 0; i < Cells; i++)
        {
            expected += weights[i] * Math.Abs(d[i]);
            total += weights[i];
        }
        return expected / total;
    }

    /// <summary>The activation at fixed trainables, evaluated in its own element type and read in double.</summary>
    private readonly struct Probe<TAct, T>(TAct activation, T[] trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        private readonly TAct activation = activation;
        private readonly T[] trainables = trainables;

        /// <summary>f and f′ at every point, through the span members (f′ is the backward with dy = 1).</summary>
        public (double[] Values, double[] Derivatives) Evaluate(T[] x)
        {
            var y = new T[x.Length];
            var d = new T[x.Length];
            var ones = new T[x.Length];
            Array.Fill(ones, T.One);
            activation.Forward(x, y, trainables);
            activation.Backward(x, ones, d, trainables, []);
            return ([.. y.Select(double.CreateTruncating)], [.. d.Select(double.CreateTruncating)]);
        }

        public double Value(double x)
        {
            Span<T> y = stackalloc T[1];
            activation.Forward([T.CreateTruncating(x)], y, trainables);
            return double.CreateTruncating(y[0]);
        }

        public double Derivative(double x)
        {
            Span<T> d = stackalloc T[1];
            activation.Partials([T.CreateTruncating(x)], trainables, d, stackalloc T[trainables.Length]);
            return double.CreateTruncating(d[0]);
        }
    }
}
