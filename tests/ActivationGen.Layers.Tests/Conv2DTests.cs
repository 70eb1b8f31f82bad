namespace ActivationGen.Layers.Tests;

public class Conv2DTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(1, 2)]
    public void Gradients_match_finite_differences(int stride, int padding)
    {
        var conv = new Conv2D<double, UserActivations.TanhDoubleActivation>(2, 3, 3, new Random(1), stride, padding, name: "c");
        GradientCheck.Check(conv, GradientCheck.RandomTensor(2, 2, 2, 5, 6));
    }

    [Fact]
    public void Gradients_match_finite_differences_when_the_weight_gradient_is_a_blocked_product()
    {
        // 8 filters × 8·3·3 weights exceed the dot-product path's size, so this runs the transposed product.
        var conv = new Conv2D<double, UserActivations.TanhDoubleActivation>(8, 8, 3, new Random(1), padding: 1, name: "c");
        GradientCheck.Check(conv, GradientCheck.RandomTensor(2, 1, 8, 3, 3));
    }

    [Theory]
    [InlineData(TrainableSharing.PerChannel)]
    [InlineData(TrainableSharing.Shared)]
    public void A_user_declared_activation_with_per_channel_trainables_plugs_in_and_its_gradients_match_finite_differences(TrainableSharing sharing)
    {
        var conv = new Conv2D<double, UserActivations.AdaptiveSwishDoubleActivation>(2, 3, 3, new Random(3), stride: 2, padding: 1, sharing: sharing, name: "c");
        for (int c = 0; c < conv.ActivationParameters[0].Value.Length; c++)
        {
            conv.ActivationParameters[0].Value[c] = 0.7 + 0.2 * c;
            conv.ActivationParameters[1].Value[c] = 1.3 - 0.3 * c;
        }
        GradientCheck.Check(conv, GradientCheck.RandomTensor(4, 2, 2, 6, 5));
    }

    [Fact]
    public void Forward_matches_a_direct_convolution()
    {
        const int batch = 2, channels = 3, filters = 4, height = 7, width = 6, kernel = 3, stride = 2, padding = 1;
        var conv = new Conv2D<double, UserActivations.TanhDoubleActivation>(channels, filters, kernel, new Random(5), stride, padding);
        for (int f = 0; f < filters; f++)
            conv.Bias.Value[f] = 0.1 * f;
        Tensor<double> input = GradientCheck.RandomTensor(6, batch, channels, height, width);
        Tensor<double> output = conv.Forward(input);
        int outHeight = (height + 2 * padding - kernel) / stride + 1, outWidth = (width + 2 * padding - kernel) / stride + 1;
        Assert.Equal([batch, filters, outHeight, outWidth], output.Shape.ToArray());
        for (int n = 0; n < batch; n++)
            for (int f = 0; f < filters; f++)
                for (int oy = 0; oy < outHeight; oy++)
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        double z = conv.Bias.Value[f];
                        for (int c = 0; c < channels; c++)
                            for (int i = 0; i < kernel; i++)
                                for (int j = 0; j < kernel; j++)
                                {
                                    int y = oy * stride - padding + i, x = ox * stride - padding + j;
                                    if (y >= 0 && y < height && x >= 0 && x < width)
                                        z += conv.Weight.Value[((f * channels + c) * kernel + i) * kernel + j]
                                            * input.Span[((n * channels + c) * height + y) * width + x];
                                }
                        Assert.Equal(Math.Tanh(z), output.Span[((n * filters + f) * outHeight + oy) * outWidth + ox], 1e-12);
                    }
    }

    [Fact]
    public void A_wrong_channel_count_names_the_tensor_and_both_shapes()
    {
        var conv = new Conv2D<float, Identity<float>>(3, 2, 3, new Random(1), name: "conv1");
        var error = Assert.Throws<ArgumentException>(() => conv.Forward(new Tensor<float>(4, 1, 8, 8)));
        Assert.Contains("conv1", error.Message);
        Assert.Contains("[4, 1, 8, 8]", error.Message);
        Assert.Contains("[*, 3, *, *]", error.Message);
    }
}
