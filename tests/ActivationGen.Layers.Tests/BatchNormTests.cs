namespace ActivationGen.Layers.Tests;

public class BatchNormTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Gradients_match_finite_differences(bool training, bool planes)
    {
        var norm = new BatchNorm<double, UserActivations.AdaptiveSwishDoubleActivation>(3, name: "bn");
        for (int c = 0; c < 3; c++)
        {
            norm.Scale.Value[c] = 0.8 + 0.3 * c;
            norm.Shift.Value[c] = 0.1 * c - 0.2;
            norm.RunningMean[c] = 0.05 * c;
            norm.RunningVariance[c] = 0.5 + c;
            norm.ActivationParameters[0].Value[c] = 0.9 + 0.1 * c;
            norm.ActivationParameters[1].Value[c] = 1.2 - 0.2 * c;
        }
        norm.IsTraining = training;
        Tensor<double> input = planes ? GradientCheck.RandomTensor(5, 2, 3, 2, 3) : GradientCheck.RandomTensor(5, 4, 3);
        GradientCheck.Check(norm, input);
    }

    [Fact]
    public void Training_uses_batch_statistics_and_inference_the_running_averages_PyTorch_convention()
    {
        var norm = new BatchNorm<double, Identity<double>>(2, momentum: 0.1, epsilon: 1e-5);
        // Channel 0 holds 1, 2, 3, 4 (mean 2.5, biased variance 1.25, unbiased 5/3); channel 1 holds 2, 4, 6, 8 (mean 5, variances 5 and 20/3).
        var input = new Tensor<double>([1, 2, 2, 4, 3, 6, 4, 8], 4, 2);
        Tensor<double> trained = norm.Forward(input);
        double[] mean = [2.5, 5], biased = [1.25, 5];
        for (int b = 0; b < 4; b++)
            for (int c = 0; c < 2; c++)
                Assert.Equal((input.Span[b * 2 + c] - mean[c]) / Math.Sqrt(biased[c] + 1e-5), trained.Span[b * 2 + c], 1e-12);
        double[] runningMean = [0.9 * 0 + 0.1 * 2.5, 0.9 * 0 + 0.1 * 5];
        double[] runningVariance = [0.9 * 1 + 0.1 * 5.0 / 3, 0.9 * 1 + 0.1 * 20.0 / 3];
        Assert.Equal(runningMean[0], norm.RunningMean[0], 1e-12);
        Assert.Equal(runningMean[1], norm.RunningMean[1], 1e-12);
        Assert.Equal(runningVariance[0], norm.RunningVariance[0], 1e-12);
        Assert.Equal(runningVariance[1], norm.RunningVariance[1], 1e-12);

        norm.IsTraining = false;
        var probe = new Tensor<double>([3, -1], 1, 2);
        Tensor<double> inferred = norm.Forward(probe);
        Assert.Equal((3 - runningMean[0]) / Math.Sqrt(runningVariance[0] + 1e-5), inferred.Span[0], 1e-12);
        Assert.Equal((-1 - runningMean[1]) / Math.Sqrt(runningVariance[1] + 1e-5), inferred.Span[1], 1e-12);
        Assert.Equal(runningMean[0], norm.RunningMean[0], 1e-12); // inference leaves the averages alone
    }

    [Fact]
    public void Activation_is_applied_in_the_normalize_pass()
    {
        var norm = new BatchNorm<float, Activations.TanhActivation>(1);
        norm.Scale.Value[0] = 2;
        norm.Shift.Value[0] = 0.5f;
        var input = new Tensor<float>([0, 2], 2, 1);
        Tensor<float> output = norm.Forward(input);
        double deviation = Math.Sqrt(1 + 1e-5);
        Assert.Equal(Math.Tanh(2 * (-1 / deviation) + 0.5), output.Span[0], 1e-6);
        Assert.Equal(Math.Tanh(2 * (1 / deviation) + 0.5), output.Span[1], 1e-6);
    }
}
