using System.Linq;
using ActivationGen.Layers;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The forwards of the sequence layers whose activation runs in a matrix product's epilogue: the gated linear unit
/// (Gaussian gate, 64 rows of 64 features to 64 units) and the recurrent cell (batch 8, 16 steps, 64 features to
/// 64 hidden units, a product per step). <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll --filter '*SequenceForwardBenchmarks*'</c>.
/// </summary>
public class SequenceForwardBenchmarks
{
    private const int Rows = 64, Batch = 8, Steps = 16, Features = 64, Units = 64;
    private Tensor<float> input = null!;
    private ILayer<float> layer = null!;

    [Params("Glu<GaussianGate>", "Recurrent<Tanh>", "Recurrent<Gated>")]
    public string Layer { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        input = Input(Layer);
        layer = Create(Layer);
    }

    [Benchmark]
    public Tensor<float> Forward() => layer.Forward(input);

    /// <summary>The input <paramref name="layer"/> is benchmarked on: [rows, features], or [batch, steps, features] for a recurrent cell.</summary>
    public static Tensor<float> Input(string layer)
    {
        int[] shape = layer.StartsWith("Recurrent", System.StringComparison.Ordinal) ? [Batch, Steps, Features] : [Rows, Features];
        return new Tensor<float>([.. Enumerable.Range(0, shape.Aggregate(1, (a, b) => a * b)).Select(i => (float)System.Math.Sin(i))], shape);
    }

    /// <summary>The layer a <see cref="Layer"/> value names, with weights from a fixed seed.</summary>
    public static ILayer<float> Create(string layer)
    {
        var random = new System.Random(1);
        return layer switch
        {
            "Glu<GaussianGate>" => new GatedLinearUnit<float, SequenceActivations.GaussianGateActivation>(Features, Units, random),
            "Recurrent<Tanh>" => new RecurrentCell<float, Activations.TanhActivation>(Features, Units, random),
            _ => new RecurrentCell<float, SequenceActivations.GatedActivation>(Features, Units, random, RecurrentInput.PreviousState),
        };
    }
}
