namespace ActivationGen.Layers.Tests;

public class GatedLinearUnitTests
{
    private const int Batch = 2, Steps = 3, Features = 5, Units = 11;

    [Fact]
    public void Gaussian_gate_matches_a_naive_double_evaluation()
    {
        var glu = new GatedLinearUnit<double, DoubleSequenceActivations.GaussianGateActivation>(Features, Units, new Random(1));
        glu.GateParameters[0].Value[3] = 0.4;
        glu.GateParameters[1].Value[3] = 0.7;
        Tensor<double> input = GradientCheck.RandomTensor(2, Batch, Steps, Features);
        Tensor<double> output = glu.Forward(input);
        Assert.Equal([Batch, Steps, Units], output.Shape.ToArray());
        for (int row = 0; row < Batch * Steps; row++)
            for (int j = 0; j < Units; j++)
            {
                double a = glu.GateBias.Value[j], b = glu.ValueBias.Value[j];
                for (int k = 0; k < Features; k++)
                {
                    a += input.Span[row * Features + k] * glu.GateWeight.Value[k * Units + j];
                    b += input.Span[row * Features + k] * glu.ValueWeight.Value[k * Units + j];
                }
                double u = (a - glu.GateParameters[0].Value[j]) / glu.GateParameters[1].Value[j];
                Assert.Equal(Math.Exp(-0.5 * u * u) * b, output.Span[row * Units + j], 1e-14);
            }
    }

    [Theory]
    [InlineData(TrainableSharing.PerChannel)]
    [InlineData(TrainableSharing.Shared)]
    public void Gradients_match_finite_differences(TrainableSharing sharing)
    {
        var glu = new GatedLinearUnit<double, DoubleSequenceActivations.GaussianGateActivation>(Features, Units, new Random(3), sharing: sharing);
        // Off-default mean and std, so that their gradients are not special.
        glu.GateParameters[0].Value.AsSpan().Fill(0.2);
        glu.GateParameters[1].Value.AsSpan().Fill(0.8);
        GradientCheck.Check(glu, GradientCheck.RandomTensor(4, Batch, Steps, Features));
    }

    [Fact]
    public void Wrong_input_shape_names_the_tensor_and_both_shapes()
    {
        var glu = new GatedLinearUnit<double, DoubleSequenceActivations.GaussianGateActivation>(Features, Units, new Random(1), name: "gate1");
        var error = Assert.Throws<ArgumentException>(() => glu.Forward(new Tensor<double>(Batch, Steps, Features + 2)));
        Assert.Contains("gate1", error.Message);
        Assert.Contains("[2, 3, 7]", error.Message);
        Assert.Contains("[*, *, 5]", error.Message);
    }

    [Fact]
    public void Steps_after_the_first_allocate_nothing()
    {
        var glu = new GatedLinearUnit<float, SequenceActivations.GaussianGateActivation>(Features, Units, new Random(1));
        var input = new Tensor<float>(Batch, Steps, Features);
        input.Span.Fill(0.5f);
        var gradient = new Tensor<float>(Batch, Steps, Units);
        gradient.Span.Fill(1f);
        glu.Forward(input);
        glu.Backward(gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        glu.Forward(input);
        glu.Backward(gradient);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
