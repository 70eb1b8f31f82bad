namespace ActivationGen.Layers.Tests;

public class SelfAttentionTests
{
    private const int Batch = 2, Steps = 4, Hidden = 5;

    [Fact]
    public void Forward_and_attention_map_match_a_naive_double_computation()
    {
        var attention = new SelfAttention<double, DoubleSequenceActivations.TanhActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(1));
        Tensor<double> input = GradientCheck.RandomTensor(2, Batch, Steps, Hidden);
        double[] output = attention.Forward(input).Span.ToArray();
        (double[] expected, double[] map) = Naive(attention, input.Span.ToArray(), Math.Tanh);
        AssertClose(map, attention.AttentionMap.Span.ToArray(), 1e-14);
        AssertClose(expected, output, 1e-13);
        Assert.Equal([Batch, Steps, Steps], attention.AttentionMap.Shape.ToArray());
        AssertRowsSumToOne(attention.AttentionMap.Span.ToArray(), 1e-14);
    }

    [Fact]
    public void Float_attention_uses_the_catalog_softmax_and_matches_double()
    {
        var single = new SelfAttention<float, Activations.TanhActivation, Activations.GeluActivation>(Hidden, new Random(1));
        var reference = new SelfAttention<double, DoubleSequenceActivations.TanhActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(1));
        Tensor<double> input = GradientCheck.RandomTensor(2, Batch, Steps, Hidden);
        var singleInput = new Tensor<float>(input.Span.ToArray().Select(v => (float)v).ToArray(), Batch, Steps, Hidden);
        float[] output = single.Forward(singleInput).Span.ToArray();
        double[] expected = reference.Forward(input).Span.ToArray();
        AssertClose(expected, output.Select(v => (double)v).ToArray(), 1e-5);
        AssertRowsSumToOne(single.AttentionMap.Span.ToArray().Select(v => (double)v).ToArray(), 1e-6);
    }

    [Fact]
    public void Gradients_match_finite_differences_tanh_projections()
    {
        var attention = new SelfAttention<double, DoubleSequenceActivations.TanhActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(3));
        GradientCheck.Check(attention, GradientCheck.RandomTensor(4, Batch, Steps, Hidden));
    }

    [Fact]
    public void Gradients_match_finite_differences_relu_projections()
    {
        var attention = new SelfAttention<double, DoubleSequenceActivations.ReluActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(5), init: WeightInit.He);
        GradientCheck.Check(attention, GradientCheck.RandomTensor(6, Batch, Steps, Hidden));
    }

    [Fact]
    public void Gradients_match_finite_differences_with_trainable_projections()
    {
        var attention = new SelfAttention<double, DoubleSequenceActivations.AdaptiveSwishActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(7));
        Assert.Contains(attention.Parameters, p => p.Name == "attention.query.beta" && p.Value.Length == Hidden);
        GradientCheck.Check(attention, GradientCheck.RandomTensor(8, Batch, Steps, Hidden));
    }

    [Fact]
    public void Wrong_input_shape_names_the_tensor_and_both_shapes()
    {
        var attention = new SelfAttention<double, DoubleSequenceActivations.TanhActivation, DoubleSequenceActivations.GeluActivation>(Hidden, new Random(1), name: "attn");
        var error = Assert.Throws<ArgumentException>(() => attention.Forward(new Tensor<double>(Batch, Steps, Hidden + 1)));
        Assert.Contains("attn", error.Message);
        Assert.Contains("[2, 4, 6]", error.Message);
        Assert.Contains("[*, *, 5]", error.Message);
    }

    [Fact]
    public void Steps_after_the_first_allocate_nothing()
    {
        var attention = new SelfAttention<float, Activations.TanhActivation, Activations.GeluActivation>(Hidden, new Random(1));
        var input = new Tensor<float>(Batch, Steps, Hidden);
        input.Span.Fill(0.5f);
        var gradient = new Tensor<float>(Batch, Steps, Hidden);
        gradient.Span.Fill(1f);
        attention.Forward(input);
        attention.Backward(gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        attention.Forward(input);
        attention.Backward(gradient);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (double[] Output, double[] Map) Naive<TP, TO>(SelfAttention<double, TP, TO> layer, double[] x, Func<double, double> projection)
        where TP : struct, IUnaryActivation<double>
        where TO : struct, IUnaryActivation<double>
    {
        double[] Project(double[] input, Dense<double, TP> dense, Func<double, double> f) => Linear(input, dense.Weight.Value, dense.Bias.Value, f);
        double[] q = Project(x, layer.Query, projection), k = Project(x, layer.Key, projection), v = Project(x, layer.Value, projection);
        var map = new double[Batch * Steps * Steps];
        var mixed = new double[Batch * Steps * Hidden];
        for (int b = 0; b < Batch; b++)
            for (int i = 0; i < Steps; i++)
            {
                var scores = new double[Steps];
                for (int j = 0; j < Steps; j++)
                    for (int d = 0; d < Hidden; d++)
                        scores[j] += q[(b * Steps + i) * Hidden + d] * k[(b * Steps + j) * Hidden + d] / Math.Sqrt(Hidden);
                double max = scores.Max(), sum = scores.Sum(s => Math.Exp(s - max));
                for (int j = 0; j < Steps; j++)
                {
                    double p = Math.Exp(scores[j] - max) / sum;
                    map[(b * Steps + i) * Steps + j] = p;
                    for (int d = 0; d < Hidden; d++)
                        mixed[(b * Steps + i) * Hidden + d] += p * v[(b * Steps + j) * Hidden + d];
                }
            }
        return (Linear(mixed, layer.Output.Weight.Value, layer.Output.Bias.Value, Gelu), map);
    }

    /// <summary>GELU through erf's Maclaurin series (exact to about 1e-13 for the |x| &lt; 4 met here), independent of the vector math.</summary>
    private static double Gelu(double x)
    {
        Assert.InRange(Math.Abs(x), 0, 4);
        double z = x / Math.Sqrt(2), term = z, sum = z;
        for (int n = 1; n < 80; n++)
        {
            term *= -z * z / n;
            sum += term / (2 * n + 1);
        }
        return 0.5 * x * (1 + 2 / Math.Sqrt(Math.PI) * sum);
    }

    private static double[] Linear(double[] input, double[] weight, double[] bias, Func<double, double> f)
    {
        int rows = input.Length / Hidden;
        var result = new double[rows * Hidden];
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < Hidden; j++)
            {
                double sum = bias[j];
                for (int i = 0; i < Hidden; i++)
                    sum += input[r * Hidden + i] * weight[i * Hidden + j];
                result[r * Hidden + j] = f(sum);
            }
        return result;
    }

    private static void AssertRowsSumToOne(double[] map, double tolerance)
    {
        for (int row = 0; row < map.Length / Steps; row++)
        {
            Assert.Equal(1, map.Skip(row * Steps).Take(Steps).Sum(), tolerance);
            Assert.All(map.Skip(row * Steps).Take(Steps), p => Assert.InRange(p, 0, 1));
        }
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
