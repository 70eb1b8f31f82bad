using ActivationGen.Demo.Scenes;

namespace ActivationGen.Demo.Tests;

/// <summary>Each scene's numbers against closed forms and independent references.</summary>
[Collection(TourCollection.Name)]
public sealed class SceneFigureTests(TourFixture tour)
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Basics_values_match_the_closed_forms()
    {
        Assert.Equal(0.5, tour.Figure("basics", "sigmoid(0)"), 7);
        Assert.Equal(Math.Tanh(5), tour.Figure("basics", "tanh(5)"), 6);
    }

    [Fact]
    public void Relu_forward_and_backward_match_max_and_the_step_with_zero_at_zero()
    {
        for (int i = 0; i < ReluScene.Inputs.Length; i++)
        {
            double x = ReluScene.Inputs[i];
            Assert.Equal(Math.Max(x, 0), tour.Figure("relu", $"y[{i}]"));
            Assert.Equal(x > 0 ? 1 : 0, tour.Figure("relu", $"dx[{i}]"));
            Assert.Equal(x > 0 ? 1 : 0, tour.Figure("relu", $"dxFromOutput[{i}]"));
        }
    }

    [Fact]
    public void Sigmoid_at_extremes_has_no_NaN_and_matches_the_double_sigmoid()
    {
        Assert.Equal(0, tour.Figure("sigmoid", "non-finite"));
        Assert.Equal(0, tour.Figure("sigmoid", "non-finite gradients over [-110, 110]"));
        for (int i = 0; i < SigmoidScene.Inputs.Length; i++)
        {
            double s = Sigmoid(SigmoidScene.Inputs[i]);
            // Float kernels: within a few float ulps (about 1.5e-8 near 0.2) of the double values.
            Assert.Equal(s, tour.Figure("sigmoid", $"y[{i}]"), 1e-7);
            Assert.Equal(s * (1 - s), tour.Figure("sigmoid", $"dx[{i}]"), 1e-7);
        }
        Assert.Equal(0, tour.Figure("sigmoid", "y[0]"));
        Assert.Equal(1, tour.Figure("sigmoid", "y[4]"));
    }

    [Fact]
    public void Custom_gradients_match_central_finite_differences_of_the_formula()
    {
        // The formula written again here, in plain double math: an independent reference.
        static double F(double x, double a, double b) => x > 0 ? a * x * x : b * Math.Log(1 + Math.Exp(x));
        const double a = CustomScene.Alpha, b = CustomScene.Beta, h = 1e-5;
        foreach (double x in CustomScene.Probes)
        {
            Assert.Equal((F(x + h, a, b) - F(x - h, a, b)) / (2 * h), tour.Figure("custom", $"dx({x})"), 6);
            Assert.Equal((F(x, a + h, b) - F(x, a - h, b)) / (2 * h), tour.Figure("custom", $"dAlpha({x})"), 6);
            Assert.Equal((F(x, a, b + h) - F(x, a, b - h)) / (2 * h), tour.Figure("custom", $"dBeta({x})"), 6);
        }
        Assert.True(tour.Figure("custom", "worst") < 1e-6);
    }

    [Fact]
    public void Custom_softplus_is_stable_far_left_where_the_naive_float_formula_gives_zero()
    {
        double exact = Math.Exp(-100); // log(1 + e^-100) = e^-100 to double precision
        double generated = tour.Figure("custom", "farLeftGenerated");
        Assert.True(generated > 0);
        Assert.Equal(exact, generated, exact * 0.1);   // a float subnormal: within its coarse spacing
    }

    [Fact]
    public void Analysis_figures_for_ReLU_and_sigmoid_equal_their_closed_forms()
    {
        // Over the symmetric range [-6, 6]: sigmoid' peaks at 0.25 at 0; its mean is (σ(6) − σ(−6)) / 12.
        Assert.Equal(0.25, tour.Figure("analysis", "max Sigmoid"), 7);
        Assert.Equal(0, tour.Figure("analysis", "max at Sigmoid"), 3);
        Assert.Equal((Sigmoid(6) - Sigmoid(-6)) / 12, tour.Figure("analysis", "mean Sigmoid"), 4);
        Assert.Equal(0, tour.Figure("analysis", "dead Sigmoid"));
        // σ'(x) = 0.01 where σ = (1 − √0.96) / 2, i.e. |x| = ln((1 + √0.96) / (1 − √0.96)).
        double saturation = Math.Log((1 + Math.Sqrt(0.96)) / (1 - Math.Sqrt(0.96)));
        Assert.Equal(-saturation, tour.Figure("analysis", "saturates below Sigmoid"), 3);
        Assert.Equal(saturation, tour.Figure("analysis", "saturates above Sigmoid"), 3);
        Assert.Equal(Sigmoid(-6), tour.Figure("analysis", "output min Sigmoid"), 6);
        Assert.Equal(Sigmoid(6), tour.Figure("analysis", "output max Sigmoid"), 6);
        // Through 10 layers the sigmoid's gradient (at most 0.25 per layer) falls below 0.25^10.
        Assert.InRange(tour.Figure("analysis", "expected product Sigmoid"), 0, Math.Pow(0.25, 10));

        // ReLU: f' = 0 on the negative half (dead, and vanishing), 1 on the positive half; E|f'| = P(z > 0) = 1/2.
        Assert.Equal(0.5, tour.Figure("analysis", "dead Relu"), 9);
        Assert.Equal(0.5, tour.Figure("analysis", "vanishing Relu"), 9);
        Assert.Equal(0.5, tour.Figure("analysis", "mean Relu"), 9);
        Assert.Equal(1, tour.Figure("analysis", "max Relu"));
        Assert.Equal(0, tour.Figure("analysis", "saturates below Relu"), 5);
        Assert.False(tour.Scene("analysis").Figures.ContainsKey("saturates above Relu"));
        Assert.Equal(Math.Pow(0.5, 10), tour.Figure("analysis", "expected product Relu"), 6);

        // tanh' = 1 − tanh² peaks at 1; its mean over [-6, 6] is (tanh 6 − tanh −6) / 12.
        Assert.Equal(1, tour.Figure("analysis", "max Tanh"), 6);
        Assert.Equal(2 * Math.Tanh(6) / 12, tour.Figure("analysis", "mean Tanh"), 4);
    }

    [Fact]
    public void Deep_derivatives_at_zero_match_the_closed_forms()
    {
        Assert.Equal(0.5, tour.Figure("deep", "gelu'(0)"), 6);      // Φ(0) + 0·φ(0)
        Assert.Equal(0.6, tour.Figure("deep", "mish'(0)"), 6);      // tanh(softplus 0) + 0 = tanh(ln 2) = 0.6
        Assert.Equal(0.5, tour.Figure("deep", "swish'(0)"), 6);     // σ(0)
        Assert.Equal(1, tour.Figure("deep", "snake'(0)"), 6);       // 1 + sin(2·0)
    }

    [Fact]
    public void Hardware_errors_are_within_the_documented_bounds_and_rates_are_positive()
    {
        Assert.InRange(tour.Figure("hardware", "maxError sigmoid (exact)"), 0, 1e-6);
        Assert.InRange(tour.Figure("hardware", "maxError tanh (exact)"), 0, 1e-6);
        Assert.Equal(0, tour.Figure("hardware", "maxError ReLU (generated)"));
        Assert.InRange(tour.Figure("hardware", "maxError hard sigmoid"), 0.01, 0.0562);
        Assert.InRange(tour.Figure("hardware", "maxError piecewise-linear tanh"), 0.001, 0.0233);
        Assert.InRange(tour.Figure("hardware", "maxError rational tanh"), 0, 1e-4);
        Assert.InRange(tour.Figure("hardware", "maxError quantized sigmoid (8-bit levels)"), 0, 0.5 / 255 + 1e-7);
        Assert.Equal(0, tour.Figure("hardware", "8-bit inexact"));
        Assert.Equal(256, tour.Figure("hardware", "8-bit levels"));
        foreach (var (name, rate) in tour.Scene("hardware").Figures.Where(f => f.Key.StartsWith("rate", StringComparison.Ordinal)))
            Assert.True(rate > 0 && double.IsFinite(rate), name);
    }
}
