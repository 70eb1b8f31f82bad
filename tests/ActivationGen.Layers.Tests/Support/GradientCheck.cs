namespace ActivationGen.Layers.Tests;

/// <summary>
/// Compares a layer's analytic gradients with central finite differences of the scalar loss Σ w·y (w fixed and
/// random, so ∂loss/∂y = w) in double.
/// </summary>
internal static class GradientCheck
{
    private const double Step = 1e-5;
    private const double Tolerance = 1e-6;

    public static void Check(ILayer<double> layer, Tensor<double> input, int seed = 7)
    {
        var random = new Random(seed);
        Tensor<double> output = layer.Forward(input);
        double[] weights = Enumerable.Range(0, output.Length).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        int[] outputShape = output.Shape.ToArray();

        foreach (Parameter<double> parameter in layer.Parameters)
            parameter.ZeroGradient();
        layer.Forward(input);
        double[] inputGradient = layer.Backward(new Tensor<double>((double[])weights.Clone(), outputShape)).Span.ToArray();

        double Loss()
        {
            Tensor<double> y = layer.Forward(input);
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
                sum += weights[i] * y.Span[i];
            return sum;
        }

        Compare("input", input.Span.ToArray(), inputGradient, i => input.Span[i], (i, v) => input.Span[i] = v, Loss);
        foreach (Parameter<double> parameter in layer.Parameters)
            Compare(parameter.Name, parameter.Value, parameter.Gradient.ToArray(), i => parameter.Value[i], (i, v) => parameter.Value[i] = v, Loss);
    }

    private static void Compare(string what, double[] values, double[] analytic, Func<int, double> get, Action<int, double> set, Func<double> loss)
    {
        Assert.Equal(values.Length, analytic.Length);
        for (int i = 0; i < values.Length; i++)
        {
            double original = get(i);
            set(i, original + Step);
            double up = loss();
            set(i, original - Step);
            double down = loss();
            set(i, original);
            double numeric = (up - down) / (2 * Step);
            double scale = Math.Max(Math.Max(Math.Abs(numeric), Math.Abs(analytic[i])), 1e-3);
            double error = Math.Abs(numeric - analytic[i]) / scale;
            Assert.True(error <= Tolerance, $"{what}[{i}]: analytic {analytic[i]:R}, numeric {numeric:R}, relative error {error:E2}");
        }
    }

    public static Tensor<double> RandomTensor(int seed, params int[] shape)
    {
        var random = new Random(seed);
        var tensor = new Tensor<double>(shape);
        for (int i = 0; i < tensor.Length; i++)
            tensor.Span[i] = random.NextDouble() * 2 - 1;
        return tensor;
    }
}
