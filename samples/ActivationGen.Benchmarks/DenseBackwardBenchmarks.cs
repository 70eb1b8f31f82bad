using System.Linq;
using ActivationGen.Layers;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// A dense layer's backward after one forward (the shapes of <see cref="DenseForwardBenchmarks"/>): the activation's
/// backward over the kept values, a row of units at a time, then the weight and input products.
/// <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll --filter '*DenseBackwardBenchmarks*'</c>.
/// </summary>
public class DenseBackwardBenchmarks
{
    private const int Batch = 64, Units = 64;
    private Tensor<float> outputGradient = null!;
    private ILayer<float> layer = null!;

    [Params("Identity", "Relu", "Silu", "Softplus", "Elu")]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        layer = DenseForwardBenchmarks.Create(Activation);
        layer.Forward(DenseForwardBenchmarks.Input());
        outputGradient = new Tensor<float>([.. Enumerable.Range(0, Batch * Units).Select(i => (float)System.Math.Cos(i))], Batch, Units);
    }

    [Benchmark]
    public Tensor<float> Backward() => layer.Backward(outputGradient);
}
