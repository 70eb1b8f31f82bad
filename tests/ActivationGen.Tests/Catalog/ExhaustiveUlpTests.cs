using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// The ulp table of <see cref="UlpTableTests"/> over every float with 2⁻²⁰ ≤ |x| ≤ 1e4 (about 557M of them)
/// instead of its grid, which misses narrow peaks: Softplus forward measured 2.46 ulp on the grid and 3.44 over
/// every float. Opt-in, since it takes minutes (6 to 10 on two shared cores): <c>ACTIVATIONGEN_EXHAUSTIVE=1</c>
/// runs every entry, <c>ACTIVATIONGEN_EXHAUSTIVE=Softplus,Gelu</c> the entries named. It asserts the same bounds
/// as the table and writes catalog-ulp-exhaustive.md beside the test assembly, a row as each entry finishes.
/// </summary>
public sealed class ExhaustiveUlpTests(ITestOutputHelper output)
{
    public const string Variable = "ACTIVATIONGEN_EXHAUSTIVE";

    // 4M floats a chunk: x, y and dx take 48 MB per worker (dy = 1 is shared).
    private const int ChunkLength = 1 << 22;
    private static readonly uint Lowest = BitConverter.SingleToUInt32Bits(MathF.ScaleB(1f, -20));
    private static readonly uint Highest = BitConverter.SingleToUInt32Bits(1e4f);

    [ExhaustiveFact]
    public void EveryFloat()
    {
        string selection = Environment.GetEnvironmentVariable(Variable)!;
        string[] names = selection == "1" ? CatalogEntries.Names : selection.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string path = Path.Combine(AppContext.BaseDirectory, "catalog-ulp-exhaustive.md");
        long count = 2L * (Highest - Lowest + 1);
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"{count} floats, 2^-20 <= |x| <= 1e4, on {Host()}\n\n| entry | forward max ulp | at x | forward mixed | at x | backward max ulp | at x | backward mixed | at x | seconds |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"));
        var failures = new List<string>();
        var total = Stopwatch.StartNew();
        foreach (string name in names)
        {
            var clock = Stopwatch.StartNew();
            var (forward, backward) = MeasureEveryFloat(CatalogEntries.Default(name));
            string row = string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {UlpTableTests.Format(forward.Max)} | {forward.At:G9} | {UlpTableTests.Format(forward.Mixed)} | {forward.MixedAt:G9} | {UlpTableTests.Format(backward.Max)} | {backward.At:G9} | {UlpTableTests.Format(backward.Mixed)} | {backward.MixedAt:G9} | {clock.Elapsed.TotalSeconds:0} |");
            File.AppendAllText(path, row + "\n");
            output.WriteLine(row);
            var bound = UlpTableTests.Bounds[name];
            UlpTableTests.Check(failures, name, "forward", forward.Max, bound.Forward);
            UlpTableTests.Check(failures, name, "backward", backward.Max, bound.Backward);
            UlpTableTests.Check(failures, name, "mixed forward", forward.Mixed, bound.MixedForward);
            UlpTableTests.Check(failures, name, "mixed backward", backward.Mixed, bound.MixedBackward);
        }
        File.AppendAllText(path, string.Create(CultureInfo.InvariantCulture, $"\n{total.Elapsed.TotalSeconds:0} s in all\n"));
        output.WriteLine($"written to {path}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static (Measured Forward, Measured Backward) MeasureEveryFloat(Entry entry)
    {
        uint perSign = Highest - Lowest + 1;
        int chunksPerSign = (int)((perSign + ChunkLength - 1) / ChunkLength);
        var ones = new float[ChunkLength];
        Array.Fill(ones, 1f);
        var gate = new object();
        Measured forward = default, backward = default;
        Parallel.For(0, 2 * chunksPerSign, new ParallelOptions { MaxDegreeOfParallelism = 2 },
            () => (X: new float[ChunkLength], Y: new float[ChunkLength], Dx: new float[ChunkLength], Forward: default(Measured), Backward: default(Measured)),
            (chunk, _, local) =>
            {
                uint first = Lowest + (uint)(chunk / 2) * ChunkLength, sign = chunk % 2 == 0 ? 0 : 0x8000_0000u;
                int length = (int)Math.Min(ChunkLength, Highest + 1 - first);
                Span<float> x = local.X.AsSpan(0, length), y = local.Y.AsSpan(0, length), dx = local.Dx.AsSpan(0, length);
                for (int i = 0; i < length; i++)
                    x[i] = BitConverter.UInt32BitsToSingle((first + (uint)i) | sign);
                entry.Forward(x, y);
                entry.Backward(x, ones.AsSpan(0, length), dx);
                local.Forward = local.Forward.Join(UlpTableTests.Measure(x, y, entry.Reference));
                local.Backward = local.Backward.Join(UlpTableTests.Measure(x, dx, entry.ReferenceDerivative));
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    forward = forward.Join(local.Forward);
                    backward = backward.Join(local.Backward);
                }
            });
        return (forward, backward);
    }

    private static string Host() =>
        (Vector512.IsHardwareAccelerated ? "Vec512 (AVX-512)" : Vector256.IsHardwareAccelerated ? "Vec256 (AVX2)" : "Vec128")
        + (Fma.IsSupported ? ", FMA" : ", no FMA");
}

/// <summary>A fact that runs only when <see cref="ExhaustiveUlpTests.Variable"/> is set: it takes minutes.</summary>
public sealed class ExhaustiveFactAttribute : FactAttribute
{
    public ExhaustiveFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(ExhaustiveUlpTests.Variable)))
            Skip = $"opt-in: set {ExhaustiveUlpTests.Variable}=1 (every float of 2^-20 <= |x| <= 1e4, minutes)";
    }
}
