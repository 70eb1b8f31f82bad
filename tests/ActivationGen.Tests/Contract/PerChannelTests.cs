using ActivationGen.Simd;
using Swish = ActivationGen.Tests.Contract.AdaptiveActivations.AdaptiveSwishActivation;
using SwishDouble = ActivationGen.Tests.Contract.AdaptiveActivations.AdaptiveSwishDoubleActivation;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// <see cref="PerChannel"/> over a user's <c>alpha * x * sigmoid(beta * x)</c> with alpha and beta per channel:
/// values and gradients against a double evaluation of the formula, per-channel gradient sums against double
/// sums, and the double instantiation against central finite differences of its own forward.
/// </summary>
public sealed class PerChannelTests
{
    public static readonly TheoryData<int, int> RowShapes = new()
    {
        { 1, 1 }, { 7, 3 }, { 5, 16 }, { 300, 17 }, { 3, 31 }, { 2, 33 }, { 260, 69 },
    };

    public static readonly TheoryData<int, int, int> PlaneShapes = new()
    {
        { 1, 1, 1 }, { 2, 3, 5 }, { 3, 4, 16 }, { 2, 5, 19 }, { 4, 2, 64 }, { 1, 3, 4200 },
    };

    [Theory]
    [MemberData(nameof(RowShapes))]
    public void RowsMatchADoubleReference(int rows, int channels)
    {
        var data = new Data(rows * channels, channels, seed: rows * 1000 + channels);
        var y = new float[data.X.Length];
        PerChannel.ForwardRows(new Swish(), data.X, y, channels, data.Trainables);
        var dx = new float[data.X.Length];
        var gradients = Enumerable.Range(0, 2 * channels).Select(i => 0.25f * i).ToArray();
        var initial = gradients.ToArray();
        PerChannel.BackwardRows(new Swish(), data.X, data.Dy, dx, channels, data.Trainables, gradients);

        var expected = new double[2 * channels];
        for (int i = 0; i < data.X.Length; i++)
        {
            int c = i % channels;
            data.Check(i, c, y[i], dx[i], expected);
        }
        AssertSums(initial, expected, gradients, data.X.Length / channels);
    }

    [Theory]
    [MemberData(nameof(PlaneShapes))]
    public void PlanesMatchADoubleReference(int n, int channels, int plane)
    {
        var data = new Data(n * channels * plane, channels, seed: n * 100_000 + channels * 1000 + plane);
        var y = new float[data.X.Length];
        PerChannel.ForwardPlanes(new Swish(), data.X, y, channels, plane, data.Trainables);
        var dx = new float[data.X.Length];
        var gradients = Enumerable.Range(0, 2 * channels).Select(i => -0.5f * i).ToArray();
        var initial = gradients.ToArray();
        PerChannel.BackwardPlanes(new Swish(), data.X, data.Dy, dx, channels, plane, data.Trainables, gradients);

        var expected = new double[2 * channels];
        for (int i = 0; i < data.X.Length; i++)
        {
            int c = i / plane % channels;
            data.Check(i, c, y[i], dx[i], expected);
        }
        AssertSums(initial, expected, gradients, n * plane);
    }

    [Fact]
    public void DoubleGradientsMatchCentralFiniteDifferences()
    {
        const int Rows = 9, Channels = 5, Plane = 7;
        var random = new Random(11);
        var x = Enumerable.Range(0, Rows * Channels * Plane).Select(_ => random.NextDouble() * 8 - 4).ToArray();
        var dy = x.Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var q = Enumerable.Range(0, 2 * Channels).Select(_ => 0.3 + random.NextDouble() * 1.5).ToArray();
        var act = new SwishDouble();

        // L(x, q) = Σ dy·f(x; q_c): its gradient is what the backward computes.
        double LossRows(double[] xs, double[] qs)
        {
            var y = new double[xs.Length];
            PerChannel.ForwardRows(act, xs, y, Channels, qs);
            return y.Select((v, i) => v * dy[i]).Sum();
        }
        double LossPlanes(double[] xs, double[] qs)
        {
            var y = new double[xs.Length];
            PerChannel.ForwardPlanes(act, xs, y, Channels, Plane, qs);
            return y.Select((v, i) => v * dy[i]).Sum();
        }

        foreach (var (loss, backward) in new (Func<double[], double[], double>, Action<double[], double[]>)[]
        {
            (LossRows, (dx, dq) => PerChannel.BackwardRows(act, x, dy, dx, Channels, q, dq)),
            (LossPlanes, (dx, dq) => PerChannel.BackwardPlanes(act, x, dy, dx, Channels, Plane, q, dq)),
        })
        {
            var dx = new double[x.Length];
            var dq = new double[q.Length];
            backward(dx, dq);
            for (int j = 0; j < q.Length; j++)
                AssertRelative(CentralDifference(qs => loss(x, qs), q, j), dq[j], 1e-6, $"dq[{j}]");
            for (int i = 0; i < x.Length; i += 13)
                AssertRelative(CentralDifference(xs => loss(xs, q), x, i), dx[i], 1e-6, $"dx[{i}]");
        }
    }

    [Fact]
    public void EveryWidthGivesTheSameRowsAndPlanes()
    {
        const int Rows = 40, Channels = 48;
        var data = new Data(Rows * Channels, Channels, seed: 5);
        var act = new Swish();
        var expectedDx = new float[data.X.Length];
        var expectedSums = new float[2 * Channels];
        PerChannel.BackwardRowBlocks<Swish, float, Vec1<float>>(act, data.X, data.Dy, expectedDx, Channels, data.Trainables, expectedSums, 0, Channels);

        AtWidth<Vec128<float>>();
        AtWidth<Vec256<float>>();
        AtWidth<Vec512<float>>();

        void AtWidth<TV>()
            where TV : unmanaged, IVectorBits<TV, float>
        {
            var dx = new float[data.X.Length];
            var sums = new float[2 * Channels];
            Assert.Equal(Channels, PerChannel.BackwardRowBlocks<Swish, float, TV>(act, data.X, data.Dy, dx, Channels, data.Trainables, sums, 0, Channels));
            for (int i = 0; i < dx.Length; i++)
                CatalogStructTests.AssertWithin4Ulp(expectedDx[i], dx[i], typeof(TV).Name, "dx", data.X[i]);
            for (int j = 0; j < sums.Length; j++)
                AssertRelative(expectedSums[j], sums[j], 1e-5, $"{typeof(TV).Name} sum {j}");

            var planeDx = new float[data.X.Length];
            var totals = new double[2];
            float[] q = [data.Trainables[0], data.Trainables[Channels]];
            int end = PerChannel.BackwardChannel<Swish, float, TV>(act, data.X, data.Dy, planeDx, 1, 1, data.X.Length, 0, q, totals, 0);
            Assert.Equal(data.X.Length / TV.Count * TV.Count, end);
            var expectedTotals = new double[2];
            var partials = new float[1];
            var trainablePartials = new float[2];
            for (int i = 0; i < end; i++)
            {
                act.Partials([data.X[i]], q, partials, trainablePartials);
                double expected = (double)data.Dy[i] * partials[0];
                Assert.True(Math.Abs(expected - planeDx[i]) <= 1e-5 * Math.Abs(expected) + 1e-7, $"{typeof(TV).Name} plane dx at {data.X[i]:R}: {planeDx[i]:R} vs {expected:R}");
                expectedTotals[0] += (double)data.Dy[i] * trainablePartials[0];
                expectedTotals[1] += (double)data.Dy[i] * trainablePartials[1];
            }
            AssertRelative(expectedTotals[0], totals[0], 1e-5, $"{typeof(TV).Name} plane sum 0");
            AssertRelative(expectedTotals[1], totals[1], 1e-5, $"{typeof(TV).Name} plane sum 1");
        }
    }

    [Fact]
    public void OneVectorOfChannelsMatchesTheRowLoop()
    {
        const int Rows = 3, Channels = 21;
        var data = new Data(Rows * Channels, Channels, seed: 8);
        var act = new Swish();
        var expected = new float[data.X.Length];
        PerChannel.ForwardRowBlocks<Swish, float, Vec1<float>>(act, data.X, expected, Channels, data.Trainables, 0, Channels);
        for (int i = 0; i < data.X.Length; i++)
        {
            var y = PerChannel.Forward(act, Vec1<float>.Create(data.X[i]), data.Trainables, Channels, i % Channels);
            Assert.Equal(expected[i], Vec1<float>.Sum(y));
        }
        var lanes = new float[Vec128<float>.Count];
        for (int c = 0; c + lanes.Length <= Channels; c += 5)
        {
            var y = PerChannel.Forward(act, Vec128<float>.LoadUnsafe(ref data.X[Channels + c], 0), data.Trainables, Channels, c);
            Vec128<float>.StoreUnsafe(y, ref lanes[0], 0);
            for (int lane = 0; lane < lanes.Length; lane++)
                CatalogStructTests.AssertWithin4Ulp(expected[Channels + c + lane], lanes[lane], "Vec128", "forward", data.X[Channels + c + lane]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => PerChannel.Forward(act, Vec128<float>.Create(0), data.Trainables, Channels, Channels - 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerChannel.Forward(act, Vec1<float>.Create(0), data.Trainables.AsSpan(1), Channels, 0));
    }

    [Fact]
    public void ManyTrainablesPerChannel()
    {
        const int Channels = 3;
        var q = Enumerable.Range(0, 5 * Channels).Select(i => 0.1f * i - 0.7f).ToArray();
        var act = new AdaptiveActivations.FiveTrainablesActivation();
        for (int c = 0; c < Channels; c++)
        {
            float x = 0.5f + c;
            float expected = AdaptiveActivations.FiveTrainables(x, q[c], q[Channels + c], q[2 * Channels + c], q[3 * Channels + c], q[4 * Channels + c]);
            Assert.Equal(expected, Vec1<float>.Sum(PerChannel.Forward(act, Vec1<float>.Create(x), q, Channels, c)));
        }
    }

    [Fact]
    public void TheLoopsAllocateNothing()
    {
        const int Rows = 8, Channels = 37;
        var data = new Data(Rows * Channels, Channels, seed: 9);
        var act = new Swish();
        var y = new float[data.X.Length];
        var dx = new float[data.X.Length];
        var gradients = new float[2 * Channels];
        void Step()
        {
            PerChannel.ForwardRows(act, data.X, y, Channels, data.Trainables);
            PerChannel.BackwardRows(act, data.X, data.Dy, dx, Channels, data.Trainables, gradients);
            PerChannel.ForwardPlanes(act, data.X, y, Channels, Rows, data.Trainables);
            PerChannel.BackwardPlanes(act, data.X, data.Dy, dx, Channels, Rows, data.Trainables, gradients);
            for (int c = 0; c + Vec128<float>.Count <= Channels; c++)
                PerChannel.Forward(act, Vec128<float>.Create(0.5f), data.Trainables, Channels, c);
        }
        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
            Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void InPlaceAndWithoutTrainableGradients()
    {
        const int Rows = 6, Channels = 21;
        var data = new Data(Rows * Channels, Channels, seed: 3);
        var act = new Swish();
        var y = new float[data.X.Length];
        PerChannel.ForwardRows(act, data.X, y, Channels, data.Trainables);
        var inPlace = data.X.ToArray();
        PerChannel.ForwardRows(act, inPlace, inPlace, Channels, data.Trainables);
        Assert.Equal(y, inPlace);

        var dx = new float[data.X.Length];
        PerChannel.BackwardPlanes(act, data.X, data.Dy, dx, Channels, 2, data.Trainables, new float[2 * Channels]);
        var gradientInPlace = data.Dy.ToArray();
        PerChannel.BackwardPlanes(act, data.X, gradientInPlace, gradientInPlace, Channels, 2, data.Trainables, []);
        for (int i = 0; i < dx.Length; i++)
            CatalogStructTests.AssertWithin4Ulp(dx[i], gradientInPlace[i], "in place", "dx", data.X[i]);
    }

    [Fact]
    public void ShapesAreCheckedUpFront()
    {
        var act = new Swish();
        var x = new float[12];
        var y = new float[12];
        var error = Assert.Throws<ArgumentException>(() => PerChannel.ForwardRows(act, x, y, 5, new float[10]));
        Assert.Contains("[rows, 5]", error.Message);
        error = Assert.Throws<ArgumentException>(() => PerChannel.ForwardRows(act, x, y, 4, new float[4]));
        Assert.Equal("trainables", error.ParamName);
        Assert.Contains("[2, 4]", error.Message);
        error = Assert.Throws<ArgumentException>(() => PerChannel.BackwardPlanes(act, x, new float[12], new float[11], 3, 2, new float[6], []));
        Assert.Equal("dx", error.ParamName);
        Assert.Contains("[2, 3, 2]", error.Message);
        error = Assert.Throws<ArgumentException>(() => PerChannel.BackwardRows(act, x, new float[12], new float[12], 3, new float[6], new float[5]));
        Assert.Equal("trainableGradients", error.ParamName);
        var buffer = new float[13];
        error = Assert.Throws<ArgumentException>(() => PerChannel.ForwardRows(act, buffer.AsSpan(0, 12), buffer.AsSpan(1, 12), 3, new float[6]));
        Assert.Equal("y", error.ParamName);
    }

    private static void AssertSums(float[] initial, double[] expected, float[] actual, int terms)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            double want = initial[j] + expected[j];
            // Each term carries a float rounding; the sum of their errors grows like √terms at worst-case size.
            double tolerance = 2e-6 * Math.Sqrt(terms) * Math.Max(1, Math.Abs(want));
            Assert.True(Math.Abs(want - actual[j]) <= tolerance, $"gradient {j}: expected {want:R}, got {actual[j]:R}");
        }
    }

    private static double CentralDifference(Func<double[], double> f, double[] at, int index)
    {
        double h = 1e-5 * Math.Max(1, Math.Abs(at[index]));
        var plus = at.ToArray();
        var minus = at.ToArray();
        plus[index] += h;
        minus[index] -= h;
        return (f(plus) - f(minus)) / (2 * h);
    }

    private static void AssertRelative(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>Random inputs, incoming gradients and per-channel (alpha, beta), and the double reference.</summary>
    private sealed class Data
    {
        public Data(int length, int channels, int seed)
        {
            var random = new Random(seed);
            X = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 12 - 6)).ToArray();
            Dy = Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
            Trainables = Enumerable.Range(0, 2 * channels).Select(_ => (float)(random.NextDouble() * 2 - 0.5)).ToArray();
            Channels = channels;
        }

        public float[] X { get; }

        public float[] Dy { get; }

        /// <summary>[alpha_0 … alpha_C−1, beta_0 … beta_C−1].</summary>
        public float[] Trainables { get; }

        public int Channels { get; }

        /// <summary>Checks element i of channel c and adds its trainable-gradient terms to <paramref name="sums"/>.</summary>
        public void Check(int i, int c, float y, float dx, double[] sums)
        {
            double x = X[i], dy = Dy[i], alpha = Trainables[c], beta = Trainables[Channels + c];
            double s = 1 / (1 + Math.Exp(-beta * x));
            double f = alpha * x * s;
            double dfdx = alpha * (s + beta * x * s * (1 - s));
            AssertRelative(f, y, 1e-5, $"y at {i} (x = {x:R}, channel {c})");
            AssertRelative(dy * dfdx, dx, 1e-5, $"dx at {i} (x = {x:R}, channel {c})");
            sums[c] += dy * x * s;
            sums[Channels + c] += dy * alpha * x * x * s * (1 - s);
        }
    }
}
