namespace ActivationGen.Layers.Tests;

public class LossTests
{
    [Fact]
    public void Cross_entropy_matches_a_direct_evaluation_and_its_gradient_finite_differences()
    {
        Tensor<double> logits = GradientCheck.RandomTensor(3, 4, 5);
        logits.Span[7] = 40; // a large logit: the stable form must not overflow
        int[] labels = [2, 0, 4, 1];
        var loss = new SoftmaxCrossEntropy<double>();
        double value = loss.Forward(logits, labels);

        double expected = 0;
        for (int row = 0; row < 4; row++)
        {
            double max = Enumerable.Range(0, 5).Max(j => logits.Span[row * 5 + j]);
            double sum = Enumerable.Range(0, 5).Sum(j => Math.Exp(logits.Span[row * 5 + j] - max));
            expected -= logits.Span[row * 5 + labels[row]] - max - Math.Log(sum);
        }
        Assert.Equal(expected / 4, value, 1e-12);

        double[] gradient = loss.Backward().Span.ToArray();
        for (int i = 0; i < logits.Length; i++)
        {
            double original = logits.Span[i];
            logits.Span[i] = original + 1e-6;
            double up = new SoftmaxCrossEntropy<double>().Forward(logits, labels);
            logits.Span[i] = original - 1e-6;
            double down = new SoftmaxCrossEntropy<double>().Forward(logits, labels);
            logits.Span[i] = original;
            Assert.Equal((up - down) / 2e-6, gradient[i], 1e-8);
        }
    }

    [Fact]
    public void Cross_entropy_in_float_agrees_with_double()
    {
        Tensor<double> logits = GradientCheck.RandomTensor(9, 6, 10);
        int[] labels = [1, 9, 3, 3, 0, 7];
        var single = new Tensor<float>(logits.Span.ToArray().Select(v => (float)(4 * v)).ToArray(), 6, 10);
        var wide = new Tensor<double>(single.Span.ToArray().Select(v => (double)v).ToArray(), 6, 10);
        Assert.Equal(new SoftmaxCrossEntropy<double>().Forward(wide, labels), new SoftmaxCrossEntropy<float>().Forward(single, labels), 1e-5);
        Assert.Equal(SoftmaxCrossEntropy<double>.CountCorrect(wide, labels), SoftmaxCrossEntropy<float>.CountCorrect(single, labels));
    }

    [Fact]
    public void Cross_entropy_rejects_a_label_count_that_differs_from_the_batch()
    {
        var error = Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropy<float>().Forward(new Tensor<float>(3, 10), [1, 2]));
        Assert.Contains("[3, 10]", error.Message);
    }

    [Fact]
    public void Mean_squared_error_and_its_gradient()
    {
        var prediction = new Tensor<double>([1, 2, 3, 4], 2, 2);
        var target = new Tensor<double>([0, 2, 5, 3], 2, 2);
        var loss = new MeanSquaredError<double>();
        Assert.Equal((1 + 0 + 4 + 1) / 4.0, loss.Forward(prediction, target), 1e-15);
        Assert.Equal([0.5, 0, -1, 0.5], loss.Backward().Span.ToArray());
        Assert.Throws<ArgumentException>(() => loss.Forward(prediction, new Tensor<double>(4)));
    }
}
