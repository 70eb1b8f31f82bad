namespace ActivationGen.Layers.Tests;

public class SequentialTests
{
    [Fact]
    public void A_convolutional_network_gradients_match_finite_differences()
    {
        var net = new Sequential<double>(
            new Conv2D<double, UserActivations.AdaptiveSwishDoubleActivation>(1, 2, 3, new Random(1), padding: 1, name: "c1"),
            new BatchNorm<double, UserActivations.TanhDoubleActivation>(2, name: "bn"),
            new Conv2D<double, UserActivations.TanhDoubleActivation>(2, 3, 3, new Random(2), stride: 2, padding: 1, name: "c2"),
            new Flatten<double>(),
            new Dense<double, Identity<double>>(3 * 2 * 2, 4, new Random(3), name: "out"));
        GradientCheck.Check(net, GradientCheck.RandomTensor(4, 2, 1, 4, 4));
    }

    [Fact]
    public void Duplicate_parameter_names_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sequential<float>(
            new Dense<float, Identity<float>>(2, 2, new Random(1)), new Dense<float, Identity<float>>(2, 2, new Random(1))));
        Assert.Contains("dense.weight", error.Message);
    }

    [Fact]
    public void Mode_reaches_every_layer()
    {
        var norm = new BatchNorm<float, Identity<float>>(2);
        var net = new Sequential<float>(new Dense<float, Identity<float>>(2, 2, new Random(1)), norm) { IsTraining = false };
        Assert.False(norm.IsTraining);
    }
}
