using System.Linq;
using ActivationGen.Layers;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// A dense layer's forward, whose activation runs in the matrix product's epilogue over each finished panel: batch 64, 64 inputs to 64 units, so the epilogue is a fair share of the time (64 multiply-adds per output).
/// <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll --filter '*DenseForwardBenchmarks*'</c>.
/// </summary>
public class DenseForwardBenchmarks
{
    private const int Batch = 64, Inputs = 64, Units = 64;
    private Tensor<float> input = null!;
    private ILayer<float> layer = null!;

    [Params("Identity", "Relu", "Silu", "Softplus", "Elu")]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        input = Input();
        layer = Create(Activation);
    }

    /// <summary>The batch, [64, 64] values of sin(i).</summary>
    internal static Tensor<float> Input()
        => new([.. Enumerable.Range(0, Batch * Inputs).Select(i => (float)System.Math.Sin(i))], Batch, Inputs);

    /// <summary>The layer, 64 inputs to 64 units, with the activation of that name.</summary>
    internal static ILayer<float> Create(string activation)
    {
        var random = new System.Random(1);
        return activation switch
        {
            "Identity" => new Dense<float, Identity<float>>(Inputs, Units, random),
            "Relu" => new Dense<float, Activations.ReluActivation>(Inputs, Units, random),
            "Silu" => new Dense<float, Activations.SiluActivation>(Inputs, Units, random),
            "Softplus" => new Dense<float, Activations.SoftplusActivation>(Inputs, Units, random),
            "Elu" => new Dense<float, Activations.EluActivation>(Inputs, Units, random),
            _ => throw new System.ArgumentOutOfRangeException(nameof(activation), activation, "Not an activation of this benchmark."),
        };
    }

    [Benchmark]
    public Tensor<float> Forward() => layer.Forward(input);
}
