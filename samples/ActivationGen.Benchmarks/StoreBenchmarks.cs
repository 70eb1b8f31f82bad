using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// What storing large outputs past the caches (<see cref="NonTemporalStores"/>) wins or loses, side by side in one run:
/// each row with every output stored through the caches (<c>Cached</c>) and with outputs of 1 MiB or more stored past
/// them (<c>Streamed</c>: a fixed threshold, not the default, so that the 64K rows are a control and the others bypass). The chains read the output back as a training step does (the forward's y is the input of the
/// backward from the output), so a store that leaves y out of the caches pays for it in the next call. Run in process (the short job) so the setting
/// reaches the timed calls:
/// <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll short --filter '*StoreBenchmarks*'</c>.
/// </summary>
public class StoreBenchmarks
{
    private const long StreamedFrom = 1 << 20;
    private float[] x = [], y = [], dy = [], dx = [];
    private long savedMinimum;

    [Params(65536, 262144, 1048576, 16777216)]
    public int N { get; set; }

    [Params("Cached", "Streamed")]
    public string Stores { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        savedMinimum = NonTemporalStores.MinimumBytes;
        NonTemporalStores.MinimumBytes = Stores == "Cached" ? long.MaxValue : StreamedFrom;
        var random = new System.Random(1);
        x = new float[N];
        y = new float[N];
        dy = new float[N];
        dx = new float[N];
        for (int i = 0; i < N; i++)
        {
            x[i] = (float)(random.NextDouble() * 8 - 4);
            dy[i] = (float)(random.NextDouble() * 2 - 1);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => NonTemporalStores.MinimumBytes = savedMinimum;

    [Benchmark]
    public void ReluForward() => Activations.Relu(x, y);

    [Benchmark]
    public void ReluForwardThenBackwardFromOutput()
    {
        Activations.Relu(x, y);
        Activations.ReluBackwardFromOutput(y, dy, dx);
    }

    [Benchmark]
    public void TanhForwardThenBackwardFromOutput()
    {
        Activations.Tanh(x, y);
        Activations.TanhBackwardFromOutput(y, dy, dx);
    }

    [Benchmark]
    public void SiluForward() => Activations.Silu(x, y);

    [Benchmark]
    public void SiluBackward() => Activations.SiluBackward(x, dy, dx);

    [Benchmark]
    public void GeluTanhForward() => Activations.GeluTanh(x, y);
}
