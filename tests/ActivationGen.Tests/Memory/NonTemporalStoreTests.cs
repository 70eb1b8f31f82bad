using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActivationGen.Tests.Memory;

public static partial class StreamedActivations
{
    [Activation("tanh(x) * sigmoid(h)")]
    public static partial float Gated(float x, float h);

    [Activation("x * tanh(softplus(x))")]
    public static partial double Mish(double x);
}

/// <summary>
/// Outputs stored past the caches (<see cref="NonTemporalStores"/>) hold what ordinary stores write, element for
/// element and nothing outside the output: at every misalignment of the output, at lengths around the 128-byte
/// chunks, for every span member's shape (one and two inputs, one and two outputs, in place), float and double.
/// The split itself is checked against address arithmetic.
/// </summary>
[Collection(nameof(NonTemporalStoreTests))]
[CollectionDefinition(nameof(NonTemporalStoreTests), DisableParallelization = true)]
public sealed class NonTemporalStoreTests : IDisposable
{
    private const int Guard = 40;
    private const float GuardValue = -12345.5f;
    private static readonly int[] Lengths = [0, 1, 15, 31, 32, 33, 47, 63, 64, 65, 95, 96, 97, 1000, 4099];

    private readonly long savedMinimum = NonTemporalStores.MinimumBytes;

    public void Dispose() => NonTemporalStores.MinimumBytes = savedMinimum;

    private static float[] Inputs(int n, int seed)
    {
        var random = new Random(seed);
        var values = new float[n];
        for (int i = 0; i < n; i++)
            values[i] = (float)(random.NextDouble() * 12 - 6);
        return values;
    }

    /// <summary>Runs <paramref name="write"/> into a guarded window at each offset of a pinned buffer, once storing normally and once past the caches.</summary>
    private static void AgreeAtEveryOffset<T>(int n, SpanAction<T> write, T guard)
        where T : unmanaged, IEquatable<T>
    {
        int elementsPerLine = 64 / Unsafe.SizeOf<T>();
        for (int offset = 0; offset < elementsPerLine + 2; offset++)
        {
            var expected = GC.AllocateArray<T>(n + 2 * Guard, pinned: true);
            var actual = GC.AllocateArray<T>(n + 2 * Guard, pinned: true);
            Array.Fill(expected, guard);
            Array.Fill(actual, guard);

            NonTemporalStores.MinimumBytes = long.MaxValue;
            write(expected.AsSpan(Guard + offset, n));
            NonTemporalStores.MinimumBytes = 1;
            write(actual.AsSpan(Guard + offset, n));

            Assert.True(expected.AsSpan().SequenceEqual(actual), $"n = {n}, offset {offset}: first difference at {expected.AsSpan().CommonPrefixLength(actual) - Guard - offset}");
        }
    }

    private delegate void SpanAction<T>(Span<T> output);

    [Fact]
    public void OneInputOneOutput_SeparateAndInPlace()
    {
        foreach (int n in Lengths)
        {
            float[] x = Inputs(n, n);
            AgreeAtEveryOffset<float>(n, y => Activations.Relu(x, y), GuardValue);
            AgreeAtEveryOffset<float>(n, y => Activations.Tanh(x, y), GuardValue);
            AgreeAtEveryOffset<float>(n, y => { x.CopyTo(y); Activations.Silu(y, y); }, GuardValue);
        }
    }

    [Fact]
    public void Backward_AndFromOutput()
    {
        foreach (int n in Lengths)
        {
            float[] x = Inputs(n, n), dy = Inputs(n, n + 1);
            AgreeAtEveryOffset<float>(n, dx => Activations.GeluBackward(x, dy, dx), GuardValue);
            AgreeAtEveryOffset<float>(n, dx => Activations.SigmoidBackwardFromOutput(x, dy, dx), GuardValue);
            AgreeAtEveryOffset<float>(n, dx => SavedDerivative.Backward(x, dy, dx), GuardValue);
        }
    }

    [Fact]
    public void TwoInputs_TwoGradients()
    {
        foreach (int n in Lengths)
        {
            float[] x = Inputs(n, n), h = Inputs(n, n + 1), dy = Inputs(n, n + 2);
            AgreeAtEveryOffset<float>(n, y => StreamedActivations.Gated(x, h, y), GuardValue);
            // dh lies at another misalignment than dx: its stores check their own alignment.
            var dh = new float[n + 3];
            AgreeAtEveryOffset<float>(n, dx => StreamedActivations.GatedBackward(x, h, dy, dx, dh.AsSpan(3, n)), GuardValue);
            var expectedDh = new float[n];
            NonTemporalStores.MinimumBytes = long.MaxValue;
            StreamedActivations.GatedBackward(x, h, dy, new float[n], expectedDh);
            Assert.Equal(expectedDh, dh.AsSpan(3, n).ToArray());
        }
    }

    [Fact]
    public void WithDerivative_BothOutputs()
    {
        foreach (int n in Lengths)
        {
            float[] x = Inputs(n, n);
            var derivative = new float[n + 1];
            AgreeAtEveryOffset<float>(n, y => Activations.SiluWithDerivative(x, y, derivative.AsSpan(1, n)), GuardValue);
            AgreeAtEveryOffset<float>(n, d => Activations.SiluWithDerivative(x, new float[n], d), GuardValue);
        }
    }

    [Fact]
    public void Doubles()
    {
        foreach (int n in Lengths)
        {
            double[] x = Array.ConvertAll(Inputs(n, n), v => (double)v);
            AgreeAtEveryOffset<double>(n, y => StreamedActivations.Mish(x, y), -12345.5);
        }
    }

    [Fact]
    public unsafe void AnOutputNotAlignedToItsElements_StoresNormally()
    {
        const int n = 1000;
        float[] x = Inputs(n, 7);
        var bytes = GC.AllocateArray<byte>(n * sizeof(float) + 64, pinned: true);
        int misaligned = 1 + (int)(64 - (nuint)Unsafe.AsPointer(ref bytes[0]) % 64) % 64; // one byte past a 64-byte boundary
        Span<float> y = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(misaligned, n * sizeof(float)));
        Assert.False(NonTemporalStores.TrySplit(y, out _, out _));
        NonTemporalStores.MinimumBytes = 1;
        Activations.Tanh(x, y);
        for (int i = 0; i < n; i++)
            Assert.Equal(Activations.Tanh(x[i]), y[i]);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    [InlineData(15, 1000)]
    [InlineData(16, 1000)]
    [InlineData(5, 40)]
    [InlineData(3, 33)]
    [InlineData(0, 96)]
    [InlineData(0, 95)]
    public unsafe void TheSplit_AlignsTheBodyTo64Bytes_InWhole128ByteChunks_BetweenTwoWideVectorsEachSide(int offset, int n)
    {
        NonTemporalStores.MinimumBytes = 1;
        var buffer = GC.AllocateArray<float>(n + 64, pinned: true);
        Span<float> output = buffer.AsSpan(offset, n);
        nuint start = (nuint)Unsafe.AsPointer(ref output[0]);
        bool split = NonTemporalStores.TrySplit(output, out int head, out int body);

        // 128 bytes (32 floats) past the boundary, and at least 128 bytes after the body: two 512-bit vectors each.
        int expectedHead = (int)((64 - start % 64) % 64 / sizeof(float)) + 32;
        int expectedBody = Math.Max(0, n - expectedHead - 32) / 32 * 32;
        Assert.Equal(expectedBody > 0, split);
        if (!split)
            return;
        Assert.Equal(expectedHead, head);
        Assert.Equal(expectedBody, body);
        Assert.Equal(0u, (start + (nuint)(head * sizeof(float))) % 64);
        int tail = n - head - body;
        Assert.True(head >= 32 && head < 48 && tail >= 32 && tail < 64, $"head {head}, body {body}, n {n}");
    }

    [Fact]
    public void BelowTheThreshold_NoSplit()
    {
        NonTemporalStores.MinimumBytes = 4096;
        Assert.False(NonTemporalStores.TrySplit(new float[1023], out _, out _));
        Assert.True(NonTemporalStores.TrySplit(GC.AllocateArray<float>(1024 + 16, pinned: true).AsSpan(0, 1024), out _, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => NonTemporalStores.MinimumBytes = 0);
        Assert.Equal(4096, NonTemporalStores.MinimumBytes);
    }
}
