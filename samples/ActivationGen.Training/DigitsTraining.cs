using System;
using System.Diagnostics;
using ActivationGen.Samples;
using ActivationGen.Layers;

namespace ActivationGen.Training;

/// <summary>
/// The reference net on the 8×8 digits: Conv2D 3×3 1→16 pad 1 → f → Conv2D 3×3 16→32 stride 2 pad 1 → f →
/// Dense 512→10, softmax cross-entropy, batch 32, Adam (lr 1e-3), pixels / 16, a seeded 80/20 split. The same
/// recipe as <c>digits_pytorch.py</c>, so their figures compare.
/// </summary>
public static class DigitsTraining
{
    public const int SplitSeed = 42;

    /// <summary>
    /// Per-epoch training loss and test accuracy, and the median training time of an epoch, wall and this thread's
    /// CPU (evaluation excluded). The median, because the machines this runs on are shared: it ignores the first
    /// epoch's compilation and the epochs another process preempted.
    /// </summary>
    public sealed record Result(string Activation, double[] Loss, double[] TestAccuracy, double MillisecondsPerEpoch, double CpuMillisecondsPerEpoch)
    {
        public double FinalAccuracy => TestAccuracy[^1];
    }

    public static Sequential<float> BuildNet<TActivation>(Random random)
        where TActivation : struct, IUnaryActivation<float>
        => new(
            new Conv2D<float, TActivation>(1, 16, 3, random, stride: 1, padding: 1, name: "conv1") { ComputeInputGradient = false },
            new Conv2D<float, TActivation>(16, 32, 3, random, stride: 2, padding: 1, name: "conv2"),
            new Flatten<float>(),
            new Dense<float, Identity<float>>(32 * 4 * 4, DigitsDataset.ClassCount, random, name: "fc"));

    /// <summary>Trains for <paramref name="epochs"/> epochs; <paramref name="trainLimit"/> keeps only the first images of the training split (quick tests).</summary>
    public static Result Run<TActivation>(DigitsDataset digits, int epochs = 30, int batch = 32, double learningRate = 1e-3, int seed = 1,
        int trainLimit = int.MaxValue, Action<string>? progress = null)
        where TActivation : struct, IUnaryActivation<float>
    {
        var (train, test) = digits.Split(0.8, SplitSeed);
        if (train.Length > trainLimit)
            train = train[..trainLimit];
        var random = new Random(seed);
        Sequential<float> net = BuildNet<TActivation>(random);
        var adam = new Adam<float>(net.Parameters, learningRate);
        var loss = new SoftmaxCrossEntropy<float>();
        var images = new float[batch * DigitsDataset.PixelCount];
        var labels = new int[batch];
        Tensor<float>? input = null;

        var testImages = new float[test.Length * DigitsDataset.PixelCount];
        var testLabels = new int[test.Length];
        digits.Gather<float>(test, testImages, testLabels);
        var testInput = new Tensor<float>(testImages, test.Length, 1, DigitsDataset.Side, DigitsDataset.Side);

        var losses = new double[epochs];
        var accuracies = new double[epochs];
        var wallMilliseconds = new double[epochs];
        var cpuMilliseconds = new double[epochs];
        var order = (int[])train.Clone();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            net.IsTraining = true;
            long started = Stopwatch.GetTimestamp();
            double cpuStarted = ThreadCpuTime.Milliseconds();
            double total = 0;
            int steps = 0;
            for (int start = 0; start < order.Length; start += batch, steps++)
            {
                int count = Math.Min(batch, order.Length - start);
                digits.Gather<float>(order.AsSpan(start, count), images, labels);
                input = Tensor<float>.Over(ref input, images, [count, 1, DigitsDataset.Side, DigitsDataset.Side]);
                adam.ZeroGradients();
                total += loss.Forward(net.Forward(input), labels.AsSpan(0, count));
                net.Backward(loss.Backward());
                adam.Step();
            }
            double milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            double cpu = ThreadCpuTime.Milliseconds() - cpuStarted;
            wallMilliseconds[epoch] = milliseconds;
            cpuMilliseconds[epoch] = cpu;

            net.IsTraining = false;
            double accuracy = (double)SoftmaxCrossEntropy<float>.CountCorrect(net.Forward(testInput), testLabels) / test.Length;
            losses[epoch] = total / steps;
            accuracies[epoch] = accuracy;
            progress?.Invoke($"{TActivation.Info.Name,-10} epoch {epoch + 1,2}/{epochs}  loss {losses[epoch]:F4}  test accuracy {accuracy:P2}  {milliseconds,6:F1} ms (cpu {cpu,6:F1} ms)");
        }
        return new Result(TActivation.Info.Name, losses, accuracies, Median(wallMilliseconds), Median(cpuMilliseconds));
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
