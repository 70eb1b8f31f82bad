using System.Linq;
using ActivationGen.Layers;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The backwards of the layers of <see cref="SequenceForwardBenchmarks"/> after one forward: the gated linear unit's
/// activation backward and products, and the recurrent cell's backpropagation through its 16 steps.
/// <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll --filter '*SequenceBackwardBenchmarks*'</c>.
/// </summary>
public class SequenceBackwardBenchmarks
{
    private Tensor<float> outputGradient = null!;
    private ILayer<float> layer = null!;

    [Params("Glu<GaussianGate>", "Recurrent<Tanh>", "Recurrent<Gated>")]
    public string Layer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        layer = SequenceForwardBenchmarks.Create(Layer);
        Tensor<float> output = layer.Forward(SequenceForwardBenchmarks.Input(Layer));
        outputGradient = new Tensor<float>([.. Enumerable.Range(0, output.Length).Select(i => (float)System.Math.Cos(i))], output.Shape.ToArray());
    }

    [Benchmark]
    public Tensor<float> Backward() => layer.Backward(outputGradient);
}
