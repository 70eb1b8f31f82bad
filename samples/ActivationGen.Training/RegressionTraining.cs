using System;
using System.Linq;
using ActivationGen.Layers;

namespace ActivationGen.Training;

/// <summary>
/// y = sin(x0) + cos(x1) from ten uniform features in [−π, π] (eight of them noise), through a hidden layer whose
/// activation alpha·x·σ(beta·x) has alpha and beta per unit, trained with Adam on mean squared error.
/// </summary>
public static class RegressionTraining
{
    public const int Features = 10;

    /// <summary>What a run reached: first and last epoch's mean loss and how far the activation's parameters moved.</summary>
    public sealed record Result(double FirstLoss, double LastLoss, double TestLoss, double MeanAlphaChange, double MeanBetaChange, float[] Alpha, float[] Beta);

    public static Result Run(int samples = 2048, int hidden = 32, int epochs = 60, int batch = 32, double learningRate = 3e-3, int seed = 1, Action<string>? progress = null)
    {
        var random = new Random(seed);
        (float[] x, float[] y) = MakeData(samples, random);
        (float[] testX, float[] testY) = MakeData(512, random);
        var hiddenLayer = new Dense<float, AdaptiveActivations.AdaptiveSwishActivation>(Features, hidden, random, init: WeightInit.Xavier, name: "hidden");
        var net = new Sequential<float>(hiddenLayer, new Dense<float, Identity<float>>(hidden, 1, random, init: WeightInit.Xavier, name: "out"));
        float[] alpha0 = (float[])hiddenLayer.ActivationParameters[0].Value.Clone(), beta0 = (float[])hiddenLayer.ActivationParameters[1].Value.Clone();
        var adam = new Adam<float>(net.Parameters, learningRate);
        var loss = new MeanSquaredError<float>();
        var inputs = new Tensor<float>(batch, Features);
        var targets = new Tensor<float>(batch, 1);
        int[] order = Enumerable.Range(0, samples).ToArray();
        double first = 0, last = 0;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            double total = 0;
            int steps = 0;
            for (int start = 0; start + batch <= samples; start += batch, steps++)
            {
                for (int b = 0; b < batch; b++)
                {
                    x.AsSpan(order[start + b] * Features, Features).CopyTo(inputs.Span.Slice(b * Features, Features));
                    targets.Span[b] = y[order[start + b]];
                }
                adam.ZeroGradients();
                total += loss.Forward(net.Forward(inputs), targets);
                net.Backward(loss.Backward());
                adam.Step();
            }
            double mean = total / steps;
            if (epoch == 1)
                first = mean;
            last = mean;
            if (progress is not null && (epoch == 1 || epoch % 10 == 0 || epoch == epochs))
                progress($"epoch {epoch,3}  train mse {mean:F5}");
        }
        net.IsTraining = false;
        double testLoss = loss.Forward(net.Forward(new Tensor<float>(testX, testY.Length, Features)), new Tensor<float>(testY, testY.Length, 1));
        float[] alpha = hiddenLayer.ActivationParameters[0].Value, beta = hiddenLayer.ActivationParameters[1].Value;
        return new Result(first, last, testLoss,
            alpha.Zip(alpha0, (a, b) => Math.Abs(a - b)).Average(), beta.Zip(beta0, (a, b) => Math.Abs(a - b)).Average(),
            (float[])alpha.Clone(), (float[])beta.Clone());
    }

    private static (float[] X, float[] Y) MakeData(int samples, Random random)
    {
        var x = new float[samples * Features];
        var y = new float[samples];
        for (int n = 0; n < samples; n++)
        {
            for (int i = 0; i < Features; i++)
                x[n * Features + i] = (float)((random.NextDouble() * 2 - 1) * Math.PI);
            y[n] = (float)(Math.Sin(x[n * Features]) + Math.Cos(x[n * Features + 1]));
        }
        return (x, y);
    }
}
