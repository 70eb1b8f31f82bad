using ActivationGen.Demo.Plotting;
using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>Scene 13: approximations against the exact functions: error, indicative speed, bytes per element.</summary>
public sealed class HardwareScene : Scene
{
    public override string Name => "hardware";

    public override string Title => "fast ReLU, quantized sigmoid and approximate tanh against exact";

    public override string Fixes =>
        "the original timed one cold call with time.time() (JIT and cache effects included) and gave no error bound; "
        + "here errors are measured against a double reference, timings take a warm-up and the median of repeats";

    private sealed record Candidate(string Name, string Exact, SpanForward Forward, Func<double, double> Reference);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static readonly Candidate[] Candidates =
    [
        new("ReLU (generated)", "max(x, 0)", (x, y) => Activations.Relu(x, y), x => Math.Max(x, 0)),
        new("sigmoid (exact)", "sigmoid", (x, y) => Activations.Sigmoid(x, y), Sigmoid),
        new("hard sigmoid", "sigmoid", (x, y) => ApproximateActivations.HardSigmoid(x, y), Sigmoid),
        new("quantized sigmoid (8-bit levels)", "sigmoid", (x, y) => ApproximateActivations.QuantizedSigmoid(x, y), Sigmoid),
        new("tanh (exact)", "tanh", (x, y) => Activations.Tanh(x, y), Math.Tanh),
        new("piecewise-linear tanh", "tanh", (x, y) => ApproximateActivations.PiecewiseTanh(x, y), Math.Tanh),
        new("rational tanh", "tanh", (x, y) => ApproximateActivations.RationalTanh(x, y), Math.Tanh),
    ];

    public override void Run(SceneContext context)
    {
        int length = context.Quick ? 1 << 14 : 1 << 20;
        int repeats = context.Quick ? 3 : 15;
        var random = new Random(13);
        var input = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 16 - 8)).ToArray();
        var output = new float[length];

        context.Note($"Host: {CpuModel()}, {Environment.ProcessorCount} logical cores, Vector512 accelerated: "
            + $"{System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated}, Vector256 accelerated: {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated}.");
        var grid = Charts.Range(-10, 10, 200_001);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var candidate in Candidates)
        {
            var values = Curves.Forward(candidate.Forward, grid);
            // The reference at the float input the kernel saw, so input rounding is not counted as error.
            double maxError = grid.Select((x, i) => Math.Abs(values[i] - candidate.Reference((float)x))).Max();
            double seconds = Timing.MedianSeconds(() => candidate.Forward(input, output), warmups: 20, repeats);
            double rate = length / seconds / 1e9;
            rows.Add([candidate.Name, candidate.Exact, SceneContext.Num(maxError, "E2"), SceneContext.Num(rate, "F2")]);
            context.Figure($"maxError {candidate.Name}", maxError);
            context.Figure($"rate {candidate.Name}", rate);
        }
        double scalarRate = length / Timing.MedianSeconds(() => ScalarRelu(input, output), 20, repeats) / 1e9;
        rows.Add(["ReLU (scalar Math.Max loop)", "max(x, 0)", "0", SceneContext.Num(scalarRate, "F2")]);
        context.Table("error-speed",
            $"Max |f - exact| over 200001 points of [-10, 10]; forward throughput over {length} floats, median of {repeats} after 20 warm-ups "
            + "(indicative: a shared machine, one thread)",
            ["kernel", "exact", "max abs error", "G elements/s"], rows);

        WriteBytesTable(context, length, repeats, input);
        WriteEightBit(context, grid);

        var xs = Charts.Range(-4, 4, 801);
        var plot = Charts.Lines("Approximate tanh and sigmoid against exact", "x", "f(x)", xs,
        [
            ("tanh", Curves.Forward((x, y) => Activations.Tanh(x, y), xs)),
            ("piecewise tanh", Curves.Forward((x, y) => ApproximateActivations.PiecewiseTanh(x, y), xs)),
            ("sigmoid", Curves.Forward((x, y) => Activations.Sigmoid(x, y), xs)),
            ("hard sigmoid", Curves.Forward((x, y) => ApproximateActivations.HardSigmoid(x, y), xs)),
        ]);
        context.Picture("approximations", "Approximations against the exact functions", plot);
    }

    /// <summary>The CPU's model name where the OS tells it (Linux), for reading the timings.</summary>
    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo) ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }

    private static void ScalarRelu(float[] input, float[] output)
    {
        for (int i = 0; i < input.Length; i++)
            output[i] = Math.Max(input[i], 0f);
    }

    /// <summary>Bytes each element moves through memory in the forward and the backward (x, dy in; dx out), per element type.</summary>
    private static void WriteBytesTable(SceneContext context, int length, int repeats, float[] input)
    {
        var doubles = input.Select(v => (double)v).ToArray();
        var doubleOut = new double[length];
        var floatOut = new float[length];
        double floatRate = length / Timing.MedianSeconds(() => Activations.Sigmoid(input, floatOut), 20, repeats) / 1e9;
        double doubleRate = length / Timing.MedianSeconds(() => DoubleActivations.Sigmoid(doubles, doubleOut), 20, repeats) / 1e9;
        var bytes = new byte[length];
        double byteRate = length / Timing.MedianSeconds(() => QuantizeSigmoid(input, floatOut, bytes), 20, repeats) / 1e9;
        context.Table("bytes", "Sigmoid per element type: bytes in and out per element, and forward throughput (indicative)",
            ["element type", "forward in", "forward out", "backward in", "backward out", "G elements/s"],
            [
                ["float", "4", "4", "8", "4", SceneContext.Num(floatRate, "F2")],
                ["double", "8", "8", "16", "8", SceneContext.Num(doubleRate, "F2")],
                ["8-bit (quantized sigmoid codes)", "4", "1", "n/a (straight-through: the float backward)", "", SceneContext.Num(byteRate, "F2")],
            ]);
        context.Figure("rate float sigmoid", floatRate);
        context.Figure("rate double sigmoid", doubleRate);
    }

    /// <summary>The quantized sigmoid's outputs are exactly k/255, so they store losslessly as one byte each.</summary>
    private static void QuantizeSigmoid(float[] input, float[] scratch, byte[] codes)
    {
        ApproximateActivations.QuantizedSigmoid(input, scratch);
        for (int i = 0; i < codes.Length; i++)
            codes[i] = (byte)MathF.Round(scratch[i] * 255f);
    }

    private static void WriteEightBit(SceneContext context, double[] grid)
    {
        var values = Curves.Forward((x, y) => ApproximateActivations.QuantizedSigmoid(x, y), grid);
        int inexact = values.Count(v => (float)(Math.Round(v * 255) / 255) != (float)v);
        int levels = values.Select(v => Math.Round(v * 255)).Distinct().Count();
        context.Note($"Quantized sigmoid over [-10, 10]: {levels} distinct 8-bit levels used; outputs that are not exactly k/255: {inexact}.");
        context.Figure("8-bit inexact", inexact);
        context.Figure("8-bit levels", levels);
    }
}
