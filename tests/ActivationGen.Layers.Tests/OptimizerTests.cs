namespace ActivationGen.Layers.Tests;

public class OptimizerTests
{
    [Fact]
    public void Sgd_on_a_quadratic_follows_the_geometric_closed_form()
    {
        // f(p) = p²/2, g = p: plain SGD gives p_t = p_0 (1 − η)^t.
        var p = new Parameter<double>("p", 1);
        p.Value[0] = 3;
        var sgd = new Sgd<double>([p], learningRate: 0.1);
        for (int t = 1; t <= 10; t++)
        {
            sgd.ZeroGradients();
            p.Gradient[0] = p.Value[0];
            sgd.Step();
            Assert.Equal(3 * Math.Pow(0.9, t), p.Value[0], 1e-12);
        }
    }

    [Fact]
    public void Sgd_momentum_under_a_constant_gradient_sums_a_geometric_series()
    {
        // v_t = g (1 − μ^t)/(1 − μ), so p_t = p_0 − η g Σ_{s≤t} (1 − μ^s)/(1 − μ).
        const double g = 2, eta = 0.05, mu = 0.9;
        var p = new Parameter<double>("p", 1);
        var sgd = new Sgd<double>([p], eta, mu);
        double expected = 0;
        for (int t = 1; t <= 8; t++)
        {
            p.Gradient[0] = g;
            sgd.Step();
            expected -= eta * g * (1 - Math.Pow(mu, t)) / (1 - mu);
            Assert.Equal(expected, p.Value[0], 1e-12);
        }
    }

    [Fact]
    public void Adam_under_a_constant_gradient_steps_by_the_learning_rate()
    {
        // Constant g: m̂ = g and v̂ = g² exactly, so every step is η·g/(|g| + ε).
        const double eta = 1e-3, eps = 1e-8;
        var p = new Parameter<double>("p", 2);
        var adam = new Adam<double>([p], eta, epsilon: eps);
        for (int t = 1; t <= 20; t++)
        {
            p.Gradient[0] = 0.5;
            p.Gradient[1] = -3;
            adam.Step();
            Assert.Equal(-t * eta * 0.5 / (0.5 + eps), p.Value[0], 1e-12);
            Assert.Equal(t * eta * 3 / (3 + eps), p.Value[1], 1e-12);
        }
    }

    [Fact]
    public void Adam_first_two_steps_with_different_gradients_match_the_formulas()
    {
        const double eta = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8, g1 = 1.0, g2 = -2.0;
        var p = new Parameter<double>("p", 1);
        var adam = new Adam<double>([p], eta, b1, b2, eps);
        p.Gradient[0] = g1;
        adam.Step();
        p.Gradient[0] = g2;
        adam.Step();
        double m2 = (1 - b1) * (b1 * g1 + g2), v2 = (1 - b2) * (b2 * g1 * g1 + g2 * g2);
        double step2 = eta * (m2 / (1 - b1 * b1)) / (Math.Sqrt(v2 / (1 - b2 * b2)) + eps);
        Assert.Equal(-eta * g1 / (Math.Abs(g1) + eps) - step2, p.Value[0], 1e-12);
    }

    [Fact]
    public void Optimizers_update_activation_trainables_of_a_network()
    {
        var dense = new Dense<double, UserActivations.AdaptiveSwishDoubleActivation>(3, 4, new Random(1), name: "hidden");
        var net = new Sequential<double>(dense, new Dense<double, Identity<double>>(4, 1, new Random(2), name: "out"));
        Assert.Contains(net.Parameters, p => p.Name == "hidden.beta");
        var adam = new Adam<double>(net.Parameters, 0.01);
        var loss = new MeanSquaredError<double>();
        adam.ZeroGradients();
        loss.Forward(net.Forward(GradientCheck.RandomTensor(1, 5, 3)), GradientCheck.RandomTensor(2, 5, 1));
        net.Backward(loss.Backward());
        adam.Step();
        Assert.All(dense.ActivationParameters[1].Value, beta => Assert.NotEqual(1.0, beta));
    }
}
