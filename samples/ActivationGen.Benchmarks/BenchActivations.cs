using ActivationGen;

// The built-in catalog, read from the ActivationGen assembly's metadata: one generated stub per entry.
[assembly: BenchmarkActivations(typeof(Activations))]

namespace ActivationGen.Benchmarks;

/// <summary>
/// Activations declared in this project, as a user would: each gets the generated kernels and, because this
/// project references BenchmarkDotNet, a generated benchmark stub (a float, a two-input and a double declaration).
/// </summary>
public static partial class BenchActivations
{
    /// <summary>A soft clip: x·σ(x) with its growth tamed by a log, f ≈ log(1 + x) for large x.</summary>
    [Activation("x > 0 ? log1p(x * sigmoid(x)) : x * sigmoid(x)")]
    public static partial float SoftClip(float x);

    /// <summary>A gated tanh unit (WaveNet): tanh of the signal times the sigmoid of the gate.</summary>
    [Activation("tanh(x) * sigmoid(gate)")]
    public static partial float GatedTanh(float x, float gate);

    /// <summary>Swish (x·σ(x)) in double precision, over a narrower range.</summary>
    [ActivationBenchmark(InputMin = -4, InputMax = 4)]
    [Activation("x * sigmoid(x)")]
    public static partial double SwishDouble(double x);
}
