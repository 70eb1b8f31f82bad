namespace ActivationGen.Layers.Tests;

public class DenseTests
{
    [Fact]
    public void Gradients_match_finite_differences_when_only_the_output_is_kept()
    {
        Assert.True(UserActivations.TanhDoubleActivation.HasBackwardFromOutput);
        var dense = new Dense<double, UserActivations.TanhDoubleActivation>(5, 7, new Random(1), name: "d");
        GradientCheck.Check(dense, GradientCheck.RandomTensor(2, 3, 5));
    }

    [Theory]
    [InlineData(TrainableSharing.PerChannel)]
    [InlineData(TrainableSharing.Shared)]
    public void A_user_declared_activation_with_per_channel_trainables_plugs_in_and_its_gradients_match_finite_differences(TrainableSharing sharing)
    {
        var dense = new Dense<double, UserActivations.AdaptiveSwishDoubleActivation>(4, 19, new Random(3), sharing: sharing, name: "d");
        // Move the trainables off their defaults, different per unit, so a mixed-up channel would show.
        for (int i = 0; i < dense.ActivationParameters[0].Value.Length; i++)
        {
            dense.ActivationParameters[0].Value[i] = 0.5 + 0.1 * i;
            dense.ActivationParameters[1].Value[i] = 1.5 - 0.05 * i;
        }
        GradientCheck.Check(dense, GradientCheck.RandomTensor(4, 3, 4));
        Assert.Equal(sharing == TrainableSharing.PerChannel ? 19 : 1, dense.ActivationParameters[1].Value.Length);
        Assert.Equal(["d.weight", "d.bias", "d.alpha", "d.beta"], dense.Parameters.Select(p => p.Name));
    }

    [Fact]
    public void Forward_matches_a_direct_evaluation_in_float()
    {
        var dense = new Dense<float, UserActivations.AdaptiveSwishActivation>(3, 21, new Random(5));
        for (int j = 0; j < 21; j++)
        {
            dense.Bias.Value[j] = 0.1f * j - 1;
            dense.ActivationParameters[0].Value[j] = 1 + 0.01f * j;
            dense.ActivationParameters[1].Value[j] = 2 - 0.03f * j;
        }
        var input = new Tensor<float>([0.3f, -1.2f, 0.7f, 2.0f, 0.1f, -0.4f], 2, 3);
        Tensor<float> output = dense.Forward(input);
        for (int b = 0; b < 2; b++)
            for (int j = 0; j < 21; j++)
            {
                double z = dense.Bias.Value[j];
                for (int i = 0; i < 3; i++)
                    z += (double)input.Span[b * 3 + i] * dense.Weight.Value[i * 21 + j];
                double alpha = dense.ActivationParameters[0].Value[j], beta = dense.ActivationParameters[1].Value[j];
                double expected = alpha * z / (1 + Math.Exp(-beta * z));
                Assert.Equal(expected, output.Span[b * 21 + j], 1e-5);
            }
    }

    [Fact]
    public void A_wrong_input_shape_names_the_layer_the_tensor_and_both_shapes()
    {
        var dense = new Dense<float, Identity<float>>(4, 2, new Random(1), name: "head");
        var error = Assert.Throws<ArgumentException>(() => dense.Forward(new Tensor<float>(8, 3)));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("head", error.Message);
        Assert.Contains("[8, 3]", error.Message);
        Assert.Contains("[*, 4]", error.Message);
    }

    [Fact]
    public void Backward_after_an_inference_forward_is_refused_when_the_pre_activation_was_not_kept()
    {
        var dense = new Dense<float, UserActivations.AdaptiveSwishActivation>(2, 3, new Random(1)) { IsTraining = false };
        dense.Forward(new Tensor<float>(4, 2));
        Assert.Throws<InvalidOperationException>(() => dense.Backward(new Tensor<float>(4, 3)));
    }
}
