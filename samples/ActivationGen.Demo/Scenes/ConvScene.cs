using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;
using ActivationGen.Layers;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 7: convolutions with ReLU and leaky ReLU over the 8×8 digits, then a short training of each.</summary>
public sealed class ConvScene : Scene
{
    public const int Filters = 8, BatchSize = 64;

    public override string Name => "conv";

    public override string Title => "convolution with ReLU and leaky ReLU over the 8x8 digits: shapes, then a short training";

    public override string Fixes =>
        "the original printed the convolution's output shapes and never trained; here both networks train on the digits "
        + "and their test accuracy is measured";

    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz");

    public override void Run(SceneContext context)
    {
        var digits = DigitsDataset.Load(DataPath);
        var (train, test) = digits.Split(0.8, seed: 7);
        if (context.Quick)
            (train, test) = (train[..256], test[..128]);
        int epochs = context.Quick ? 2 : 5;
        context.Note($"Digits: {digits.Count} images of {DigitsDataset.Side}x{DigitsDataset.Side}, {train.Length} for training, {test.Length} for testing.");

        var relu = Network<Activations.ReluActivation>("relu");
        var leaky = Network<Activations.LeakyReluActivation>("leaky");
        var probe = Images(digits, train[..BatchSize]).Images;
        context.Table("shapes", "Output shapes (NCHW) of each layer for a batch of 64",
            ["layer", "ReLU network", "leaky ReLU network"],
            Shapes(relu, probe).Zip(Shapes(leaky, probe), (a, b) => (IReadOnlyList<string>)[a.Layer, a.Shape, b.Shape]));

        var curves = new List<(string Name, double[] Loss, double[] Accuracy)>();
        foreach (var (name, network) in new[] { ("ReLU", relu), ("leaky ReLU", leaky) })
            curves.Add(Train(context, name, network, digits, train, test, epochs));

        context.Table("training", $"Test accuracy after each of {epochs} epochs (Adam, learning rate 0.01, batch {BatchSize})",
            ["epoch", .. curves.Select(c => c.Name + " loss"), .. curves.Select(c => c.Name + " test accuracy")],
            Enumerable.Range(0, epochs).Select(e => (IReadOnlyList<string>)[(e + 1).ToString(),
                .. curves.Select(c => SceneContext.Num(c.Loss[e], "F4")), .. curves.Select(c => SceneContext.Num(c.Accuracy[e], "P1"))]));
        foreach (var c in curves)
        {
            context.Figure($"accuracy {c.Name}", c.Accuracy[^1]);
            context.Figure($"first loss {c.Name}", c.Loss[0]);
            context.Figure($"last loss {c.Name}", c.Loss[^1]);
        }

        var xs = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        var plot = Charts.Lines("Digits: training loss and test accuracy", "epoch", "loss (solid), test accuracy (dashed)", xs,
            curves.Select(c => (c.Name + " loss", c.Loss)).Concat(curves.Select(c => (c.Name + " accuracy", c.Accuracy))), dashedAfterHalf: true);
        Charts.Legend(plot, ScottPlot.Alignment.MiddleRight);
        context.Picture("training", "Training the two convolutional networks on the digits", plot);
    }

    /// <summary>conv 3x3 (8 filters, padding 1) + activation, conv 3x3 stride 2 + activation, flatten, dense to 10 logits.</summary>
    private static Sequential<float> Network<TActivation>(string name) where TActivation : struct, IUnaryActivation<float>
    {
        var random = new Random(3);
        return new Sequential<float>(
            new Conv2D<float, TActivation>(1, Filters, 3, random, padding: 1, name: $"{name}.conv1"),
            new Conv2D<float, TActivation>(Filters, 2 * Filters, 3, random, stride: 2, padding: 1, name: $"{name}.conv2"),
            new Flatten<float>($"{name}.flatten"),
            new Dense<float, Identity<float>>(2 * Filters * 4 * 4, DigitsDataset.ClassCount, random, init: WeightInit.Xavier, name: $"{name}.dense"));
    }

    private static IEnumerable<(string Layer, string Shape)> Shapes(Sequential<float> network, Tensor<float> input)
    {
        yield return ("input", input.ShapeText);
        var x = input;
        foreach (var layer in network.Layers)
        {
            x = layer.Forward(x);
            yield return (layer.Name[(layer.Name.IndexOf('.') + 1)..], x.ShapeText);
        }
    }

    private static (Tensor<float> Images, int[] Labels) Images(DigitsDataset digits, ReadOnlySpan<int> indices)
    {
        var images = new Tensor<float>(indices.Length, 1, DigitsDataset.Side, DigitsDataset.Side);
        var labels = new int[indices.Length];
        digits.Gather<float>(indices, images.Span, labels);
        return (images, labels);
    }

    private static (string, double[], double[]) Train(SceneContext context, string name, Sequential<float> network,
        DigitsDataset digits, int[] train, int[] test, int epochs)
    {
        var loss = new SoftmaxCrossEntropy<float>();
        var optimizer = new Adam<float>(network.Parameters, learningRate: 0.01);
        var (testImages, testLabels) = Images(digits, test);
        var losses = new double[epochs];
        var accuracies = new double[epochs];
        var progress = new Progress(context, name, epochs);
        var order = (int[])train.Clone();
        var shuffle = new Random(9);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            shuffle.Shuffle(order);
            network.IsTraining = true;
            double total = 0;
            int batches = 0;
            for (int start = 0; start < order.Length; start += BatchSize)
            {
                var (images, labels) = Images(digits, order.AsSpan(start, Math.Min(BatchSize, order.Length - start)));
                optimizer.ZeroGradients();
                total += loss.Forward(network.Forward(images), labels);
                network.Backward(loss.Backward());
                optimizer.Step();
                batches++;
            }
            network.IsTraining = false;
            losses[epoch] = total / batches;
            accuracies[epoch] = SoftmaxCrossEntropy<float>.CountCorrect(network.Forward(testImages), testLabels) / (double)test.Length;
            progress.Epoch(epoch + 1, $"loss {losses[epoch]:0.0000}  test accuracy {accuracies[epoch]:P1}");
        }
        return (name, losses, accuracies);
    }
}
