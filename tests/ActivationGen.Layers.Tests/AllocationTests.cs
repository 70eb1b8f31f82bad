namespace ActivationGen.Layers.Tests;

public class AllocationTests
{
    [Fact]
    public void A_training_step_allocates_nothing_after_the_first()
    {
        var random = new Random(1);
        var net = new Sequential<float>(
            new Conv2D<float, Activations.MishActivation>(1, 4, 3, random, padding: 1, name: "c1") { ComputeInputGradient = false },
            new BatchNorm<float, UserActivations.AdaptiveSwishActivation>(4, name: "bn"),
            new Conv2D<float, UserActivations.AdaptiveSwishActivation>(4, 8, 3, random, stride: 2, padding: 1, name: "c2"),
            new Flatten<float>(),
            new Dense<float, Activations.GeluActivation>(8 * 4 * 4, 12, random, name: "d1"),
            new Dense<float, Identity<float>>(12, 10, random, name: "out"));
        var adam = new Adam<float>(net.Parameters);
        var sgd = new Sgd<float>(net.Parameters, 0.01, momentum: 0.9);
        var loss = new SoftmaxCrossEntropy<float>();
        var images = new float[16 * 64];
        for (int i = 0; i < images.Length; i++)
            images[i] = (float)random.NextDouble();
        var labels = new int[16];
        Tensor<float>? input = null;

        void Step(int batch, IOptimizer<float> optimizer)
        {
            input = Tensor<float>.Over(ref input, images, [batch, 1, 8, 8]);
            optimizer.ZeroGradients();
            loss.Forward(net.Forward(input), labels.AsSpan(0, batch));
            net.Backward(loss.Backward());
            optimizer.Step();
        }

        // The first steps size every buffer (the full batch, then a smaller last batch, which reuses them).
        Step(16, adam);
        Step(16, sgd);
        Step(10, adam);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            Step(16, adam);
            Step(10, sgd);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
