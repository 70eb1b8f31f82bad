namespace ActivationGen.Tests.Abuse;

/// <summary>
/// The span members under calls a careless caller makes: many threads at once on shared inputs, empty and
/// one-element spans, overlapping outputs, mismatched lengths, NaN inputs.
/// </summary>
public sealed class KernelAbuseTests
{
    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    private static float[] Inputs(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 16 - 8)).ToArray();
    }

    [Fact]
    public void ConcurrentCallsOnSharedInputsGiveIdenticalResults()
    {
        const int length = 4099;
        var x = Inputs(length, 1);
        var dy = Inputs(length, 2);
        var expectedY = new float[length];
        var expectedDx = new float[length];
        AbusedActivations.Swish(x, expectedY, 1.3f);
        AbusedActivations.SwishBackward(x, dy, expectedDx, 1.3f, out float expectedDBeta);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(16);
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            var y = new float[length];
            var dx = new float[length];
            start.SignalAndWait();
            for (int repeat = 0; repeat < 50; repeat++)
            {
                AbusedActivations.Swish(x, y, 1.3f);
                AbusedActivations.SwishBackward(x, dy, dx, 1.3f, out float dBeta);
                if (!y.AsSpan().SequenceEqual(expectedY) || !dx.AsSpan().SequenceEqual(expectedDx) || dBeta != expectedDBeta)
                    failures.Add($"thread {t}, repeat {repeat}");
            }
        })).ToArray();
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();

        Assert.Empty(failures);
    }

    [Fact]
    public void EmptySpansAreANoOp()
    {
        AbusedActivations.Swish(ReadOnlySpan<float>.Empty, Span<float>.Empty, 1f);
        AbusedActivations.SwishBackward(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, Span<float>.Empty, 1f, out float dBeta);
        AbusedActivations.Gated(ReadOnlySpan<float>.Empty, ReadOnlySpan<float>.Empty, Span<float>.Empty);
        AbusedActivations.SigmoidBackwardFromOutput(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, Span<double>.Empty);

        Assert.Equal(0f, dBeta);
    }

    [Theory]
    [InlineData(-3.5f)]
    [InlineData(0f)]
    [InlineData(2.25f)]
    public void OneElementSpansMatchADoubleReference(float value)
    {
        float[] y = [float.NaN], dx = [float.NaN];
        AbusedActivations.Swish([value], y, 1.5f);
        AbusedActivations.SwishBackward([value], [2f], dx, 1.5f, out float dBeta);

        double s = Sigmoid(1.5 * value);
        Assert.Equal(value * s, y[0], 1e-6);
        Assert.Equal(2 * (s + 1.5 * value * s * (1 - s)), dx[0], 1e-6);
        Assert.Equal(2 * value * value * s * (1 - s), dBeta, 1e-6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(-2)]
    public void OverlappingUnequalSpansAreRefusedAndNothingIsWritten(int shift)
    {
        var buffer = Inputs(64, 3);
        var before = buffer.ToArray();
        int inputStart = Math.Max(0, -shift), outputStart = Math.Max(0, shift);

        var forward = Assert.Throws<ArgumentException>(() =>
            AbusedActivations.Swish(buffer.AsSpan(inputStart, 40), buffer.AsSpan(outputStart, 40), 1f));
        Assert.Equal("y", forward.ParamName);
        var backward = Assert.Throws<ArgumentException>(() =>
            AbusedActivations.SwishBackward(new float[40], buffer.AsSpan(inputStart, 40), buffer.AsSpan(outputStart, 40), 1f));
        Assert.Equal("dx", backward.ParamName);
        var gated = Assert.Throws<ArgumentException>(() =>
            AbusedActivations.Gated(new float[40], buffer.AsSpan(inputStart, 40), buffer.AsSpan(outputStart, 40)));
        Assert.Equal("y", gated.ParamName);

        Assert.Equal(before, buffer);
    }

    [Fact]
    public void MismatchedLengthsAreRefusedAndNothingIsWritten()
    {
        var x = Inputs(33, 4);
        var y = Enumerable.Repeat(7f, 32).ToArray();
        var dx = Enumerable.Repeat(7f, 33).ToArray();

        Assert.Equal("y", Assert.Throws<ArgumentException>(() => AbusedActivations.Swish(x, y, 1f)).ParamName);
        Assert.Equal("dy", Assert.Throws<ArgumentException>(() => AbusedActivations.SwishBackward(x, y, dx, 1f, out _)).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => AbusedActivations.Gated(x, y, dx)).ParamName);

        Assert.All(y, v => Assert.Equal(7f, v));
        Assert.All(dx, v => Assert.Equal(7f, v));
    }

    [Fact]
    public void InPlaceIsTheSameSpanAndGivesTheOutOfPlaceResult()
    {
        var x = Inputs(1001, 5);
        var expected = new float[x.Length];
        AbusedActivations.Swish(x, expected, 0.7f);

        AbusedActivations.Swish(x, x, 0.7f);

        Assert.Equal(expected, x);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(100)]
    [InlineData(1003)]
    public void NaNInGivesNaNOutWhereItWasAndOnlyThere(int length)
    {
        var x = Inputs(length, 6);
        var nanAt = new HashSet<int> { 0, length / 2, length - 1 };
        foreach (int i in nanAt)
            x[i] = float.NaN;
        var y = new float[length];
        var h = new float[length];
        var doubles = x.Select(v => (double)v).ToArray();
        var sigmoid = new double[length];

        AbusedActivations.Swish(x, y, 1f);
        AbusedActivations.Gated(x, x, h);
        AbusedActivations.Sigmoid(doubles, sigmoid);

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(nanAt.Contains(i), float.IsNaN(y[i]));
            Assert.Equal(nanAt.Contains(i), float.IsNaN(h[i]));
            Assert.Equal(nanAt.Contains(i), double.IsNaN(sigmoid[i]));
        }
    }
}
