namespace ActivationGen.Layers.Tests;

/// <summary>The generated partials of the sequence layers' activations against central differences of their values.</summary>
public class SequenceActivationTests
{
    private static readonly double[] Points = [-7, -2.5, -0.6, 0, 0.3, 1.1, 4, 9];

    private static double Central(Func<double, double> f, double at)
    {
        const double step = 1e-6;
        return (f(at + step) - f(at - step)) / (2 * step);
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double error = Math.Abs(expected - actual) / Math.Max(Math.Max(Math.Abs(expected), Math.Abs(actual)), 1e-3);
        Assert.True(error <= tolerance, $"{what}: finite difference {expected:R}, partial {actual:R}, relative error {error:E2}");
    }

    [Fact]
    public void Gated_partials_match_finite_differences()
    {
        var gated = new DoubleSequenceActivations.GatedActivation();
        Span<double> partials = stackalloc double[2];
        foreach (double x in Points)
            foreach (double h in Points)
            {
                gated.Partials([x, h], [], partials, []);
                AssertRelative(Central(v => DoubleSequenceActivations.Gated(v, h), x), partials[0], 1e-6, $"∂/∂x at ({x}, {h})");
                AssertRelative(Central(v => DoubleSequenceActivations.Gated(x, v), h), partials[1], 1e-6, $"∂/∂h at ({x}, {h})");
            }
    }

    [Fact]
    public void Gated_value_is_the_formula()
    {
        foreach (double x in Points)
            foreach (double h in Points)
            {
                double z = 1 / (1 + Math.Exp(-(x + h)));
                Assert.Equal(z * Math.Tanh(x) + (1 - z) * h, DoubleSequenceActivations.Gated(x, h), 1e-14);
                Assert.Equal(z * Math.Tanh(x) + (1 - z) * h, SequenceActivations.Gated((float)x, (float)h), 1e-5 * Math.Max(1, Math.Abs(h)));
            }
    }

    [Fact]
    public void Float_gated_partials_match_double_finite_differences()
    {
        var gated = new SequenceActivations.GatedActivation();
        Span<float> partials = stackalloc float[2];
        foreach (double x in Points)
            foreach (double h in Points)
            {
                gated.Partials([(float)x, (float)h], [], partials, []);
                // The generator's σ' = σ·(1 − σ) is exact only to float's absolute rounding where σ nears 1, and
                // the ∂/∂x terms are of the size of h, so float partials are held to 1e-5 relative plus that floor.
                double floor = 1e-7 * (1 + Math.Abs(x) + Math.Abs(h));
                Assert.Equal(Central(v => DoubleSequenceActivations.Gated(v, h), x), partials[0], 1e-5 * Math.Abs(partials[0]) + floor);
                Assert.Equal(Central(v => DoubleSequenceActivations.Gated(x, v), h), partials[1], 1e-5 * Math.Abs(partials[1]) + floor);
            }
        Assert.Equal(["x", "h"], SequenceActivations.GatedActivation.Info.Inputs.ToArray());
        Assert.Equal(2, SequenceActivations.GatedActivation.Info.Derivatives.Length);
    }

    [Fact]
    public void Time_decay_partials_match_finite_differences()
    {
        var decay = new DoubleSequenceActivations.TimeDecayTanhActivation();
        Span<double> inputs = stackalloc double[2], trainables = stackalloc double[1];
        foreach (double x in Points)
            foreach (double t in new[] { 0.0, 0.5, 2, 7 })
                foreach (double rate in new[] { -0.2, 0.1, 1.3 })
                {
                    decay.Partials([x, t], [rate], inputs, trainables);
                    AssertRelative(Central(v => DoubleSequenceActivations.TimeDecayTanh(v, t, rate), x), inputs[0], 1e-6, $"∂/∂x at {x}, {t}, {rate}");
                    AssertRelative(Central(v => DoubleSequenceActivations.TimeDecayTanh(x, v, rate), t), inputs[1], 1e-6, $"∂/∂t at {x}, {t}, {rate}");
                    AssertRelative(Central(v => DoubleSequenceActivations.TimeDecayTanh(x, t, v), rate), trainables[0], 1e-6, $"∂/∂decay at {x}, {t}, {rate}");
                }
    }

    [Fact]
    public void Gaussian_gate_partials_match_finite_differences()
    {
        var gate = new DoubleSequenceActivations.GaussianGateActivation();
        Assert.Equal(0.0, gate.TrainableDefault(0));
        Assert.Equal(1.0, gate.TrainableDefault(1));
        Span<double> inputs = stackalloc double[2], trainables = stackalloc double[2];
        foreach (double a in Points)
            foreach (double b in new[] { -1.5, 0.2, 3 })
                foreach ((double mean, double std) in new[] { (0.0, 1.0), (0.5, 0.4), (-1.0, 2.5) })
                {
                    gate.Partials([a, b], [mean, std], inputs, trainables);
                    AssertRelative(Central(v => DoubleSequenceActivations.GaussianGate(v, b, mean, std), a), inputs[0], 1e-6, $"∂/∂a at {a}, {b}, {mean}, {std}");
                    AssertRelative(Central(v => DoubleSequenceActivations.GaussianGate(a, v, mean, std), b), inputs[1], 1e-6, $"∂/∂b at {a}, {b}, {mean}, {std}");
                    AssertRelative(Central(v => DoubleSequenceActivations.GaussianGate(a, b, v, std), mean), trainables[0], 1e-6, $"∂/∂mean at {a}, {b}, {mean}, {std}");
                    AssertRelative(Central(v => DoubleSequenceActivations.GaussianGate(a, b, mean, v), std), trainables[1], 1e-6, $"∂/∂std at {a}, {b}, {mean}, {std}");
                }
    }
}
