using System;
using System.Linq;
using A = ActivationGen.Activations;

namespace ActivationGen.Tests.Catalog;

/// <summary>Softmax, LogSoftmax, Softmin and Glu with their backwards, against double references and finite differences.</summary>
public sealed class RowOpTests
{
    private static readonly int[] Lengths = [1, 2, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 100, 1000, 4099];

    private static float[] Row(int n, int seed, double spread)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2 - 1) * spread)).ToArray();
    }

    private static double[] SoftmaxReference(float[] x, double sign = 1)
    {
        double max = x.Max(v => sign * v);
        var e = x.Select(v => Math.Exp(sign * v - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    private static double[] LogSoftmaxReference(float[] x)
    {
        double max = x.Max(v => (double)v);
        double log = Math.Log(x.Sum(v => Math.Exp(v - max)));
        return x.Select(v => v - max - log).ToArray();
    }

    [Fact]
    public void SoftmaxMatchesTheReference()
    {
        foreach (int n in Lengths)
        {
            foreach (double spread in new[] { 1.0, 30.0, 1000.0 })
            {
                float[] x = Row(n, n, spread);
                var y = new float[n];
                A.Softmax(x, y);
                var expected = SoftmaxReference(x);
                float max = x.Max();
                for (int i = 0; i < n; i++)
                {
                    // The shift x − max is rounded once in float: a relative error of |x − max|·2⁻²⁴ in e^(x − max).
                    double allowed = 1e-6 * expected[i] * (1 + Math.Abs(x[i] - max)) + 1e-44;
                    Assert.True(Math.Abs(y[i] - expected[i]) <= allowed, $"n={n}, spread={spread}, i={i}: {y[i]} vs {expected[i]}");
                }
                Assert.Equal(1.0, y.Sum(v => (double)v), 5);
            }
        }
    }

    [Fact]
    public void LogSoftmaxMatchesTheReference()
    {
        foreach (int n in Lengths)
        {
            foreach (double spread in new[] { 1.0, 30.0, 1000.0 })
            {
                float[] x = Row(n, n + 1, spread);
                var y = new float[n];
                A.LogSoftmax(x, y);
                var expected = LogSoftmaxReference(x);
                for (int i = 0; i < n; i++)
                    Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-6 * (1 + Math.Abs(expected[i])), $"n={n}, i={i}: {y[i]} vs {expected[i]}");
            }
        }
    }

    [Fact]
    public void SoftminIsTheSoftmaxOfTheNegation()
    {
        foreach (int n in Lengths)
        {
            float[] x = Row(n, 7 * n, 20);
            var y = new float[n];
            var z = new float[n];
            A.Softmin(x, y);
            A.Softmax(x.Select(v => -v).ToArray(), z);
            Assert.Equal(z, y);
            var expected = SoftmaxReference(x, -1);
            for (int i = 0; i < n; i++)
                Assert.True(Math.Abs(y[i] - expected[i]) <= 1e-6 * expected[i] * 41 + 1e-44);
        }
    }

    [Fact]
    public void RowsAreStableAtTheEndsOfTheFloatRange()
    {
        float[] x = [3.4e38f, -3.4e38f, 1000f, -1000f, 0f, float.MaxValue, -float.MaxValue, 1e-40f, 88f, 89f, 104f, -104f, 5f, 6f, 7f, 8f, 9f];
        var y = new float[x.Length];
        foreach (Action<float[], float[]> op in new Action<float[], float[]>[] { (a, b) => A.Softmax(a, b), (a, b) => A.LogSoftmax(a, b), (a, b) => A.Softmin(a, b) })
        {
            op(x, y);
            Assert.All(y, v => Assert.False(float.IsNaN(v)));
        }
        A.Softmax(x, y);
        Assert.Equal(1f, y[5]);
        Assert.Equal(1f, y.Sum());
        A.Softmax(new float[] { 1000f, 1000f, -1000f }, y.AsSpan(0, 3));
        Assert.Equal(new[] { 0.5f, 0.5f, 0f }, y.Take(3));
    }

    [Fact]
    public void InPlaceAndBatchesGiveTheSameResults()
    {
        const int rowLength = 37, rows = 5;
        float[] x = Row(rowLength * rows, 11, 10);
        foreach (var op in new Action<float[], float[], int>[] { (a, b, r) => A.Softmax(a, b, r), (a, b, r) => A.LogSoftmax(a, b, r), (a, b, r) => A.Softmin(a, b, r) })
        {
            var batch = new float[x.Length];
            op(x, batch, rowLength);
            var inPlace = (float[])x.Clone();
            op(inPlace, inPlace, rowLength);
            Assert.Equal(batch, inPlace);
            for (int r = 0; r < rows; r++)
            {
                var row = new float[rowLength];
                op(x.Skip(r * rowLength).Take(rowLength).ToArray(), row, rowLength);
                Assert.Equal(row, batch.Skip(r * rowLength).Take(rowLength));
            }
        }
    }

    [Fact]
    public void BackwardsMatchFiniteDifferencesOfTheDoubleReferences()
    {
        foreach (int n in new[] { 1, 3, 8, 17, 33, 100 })
        {
            float[] x = Row(n, 3 * n, 3);
            float[] dy = Row(n, 5 * n, 1);
            Check(n, x, dy, (a, b) => A.Softmax(a, b), (a, b, c) => A.SoftmaxBackward(a, b, c), v => SoftmaxReference(v));
            Check(n, x, dy, (a, b) => A.LogSoftmax(a, b), (a, b, c) => A.LogSoftmaxBackward(a, b, c), LogSoftmaxReference);
            Check(n, x, dy, (a, b) => A.Softmin(a, b), (a, b, c) => A.SoftminBackward(a, b, c), v => SoftmaxReference(v, -1));
        }

        static void Check(int n, float[] x, float[] dy, Action<float[], float[]> forward, Action<float[], float[], float[]> backward, Func<float[], double[]> reference)
        {
            var y = new float[n];
            var dx = new float[n];
            forward(x, y);
            backward(y, dy, dx);
            for (int i = 0; i < n; i++)
            {
                // ∂(Σ dy·f)/∂x_i by a central difference of the double reference, with a step that float can hold.
                double h = 1e-3;
                var plus = (float[])x.Clone();
                var minus = (float[])x.Clone();
                plus[i] += (float)h;
                minus[i] -= (float)h;
                double step = (double)plus[i] - minus[i];
                double fd = (Dot(reference(plus), dy) - Dot(reference(minus), dy)) / step;
                Assert.True(Math.Abs(dx[i] - fd) <= 1e-4 * (1 + Math.Abs(fd)), $"n={n}, i={i}: backward {dx[i]}, finite difference {fd}");
            }
            // In place over the gradient gives the same.
            var inPlace = (float[])dy.Clone();
            backward(y, inPlace, inPlace);
            Assert.Equal(dx, inPlace);
        }
    }

    private static double Dot(double[] a, float[] b) => a.Select((v, i) => v * b[i]).Sum();

    [Fact]
    public void GluMatchesTheReferenceAndItsBackwardTheFiniteDifferences()
    {
        foreach (int half in new[] { 1, 3, 8, 16, 17, 33, 100 })
        {
            float[] x = Row(2 * half, half, 6);
            var y = new float[half];
            A.Glu(x, y);
            for (int i = 0; i < half; i++)
            {
                double expected = x[i] * ReferenceMath.Sigmoid(x[half + i]);
                Assert.True(Math.Abs(y[i] - expected) <= 4e-7 * Math.Abs(expected) + 1e-30, $"half={half}, i={i}: {y[i]} vs {expected}");
            }
            float[] dy = Row(half, 2 * half, 1);
            var dx = new float[2 * half];
            A.GluBackward(x, dy, dx);
            for (int i = 0; i < half; i++)
            {
                double a = x[i], b = x[half + i], h = 1e-6;
                double da = (dy[i] * (a + h) * ReferenceMath.Sigmoid(b) - dy[i] * (a - h) * ReferenceMath.Sigmoid(b)) / (2 * h);
                double db = (dy[i] * a * ReferenceMath.Sigmoid(b + h) - dy[i] * a * ReferenceMath.Sigmoid(b - h)) / (2 * h);
                Assert.True(Math.Abs(dx[i] - da) <= 1e-6 * (1 + Math.Abs(da)), $"∂a: {dx[i]} vs {da}");
                Assert.True(Math.Abs(dx[half + i] - db) <= 1e-6 * (1 + Math.Abs(db)), $"∂b: {dx[half + i]} vs {db}");
            }
            // In place (the output at the start of the input) and batches agree with the single rows.
            var inPlace = (float[])x.Clone();
            A.Glu(inPlace, inPlace.AsSpan(0, half));
            Assert.Equal(y, inPlace.Take(half));
            var inPlaceBackward = (float[])x.Clone();
            A.GluBackward(inPlaceBackward, dy, inPlaceBackward);
            Assert.Equal(dx, inPlaceBackward);
        }

        float[] batch = Row(4 * 10, 99, 5);
        var batchOut = new float[2 * 10];
        A.Glu(batch, batchOut, 10);
        for (int r = 0; r < 4; r++)
        {
            var rowOut = new float[5];
            A.Glu(batch.Skip(10 * r).Take(10).ToArray(), rowOut);
            Assert.Equal(rowOut, batchOut.Skip(5 * r).Take(5));
        }
        var batchInPlace = (float[])batch.Clone();
        A.Glu(batchInPlace, batchInPlace.AsSpan(0, 20), 10);
        Assert.Equal(batchOut, batchInPlace.Take(20));
    }

    [Fact]
    public void BadShapesThrowBeforeWriting()
    {
        var y = new float[4];
        Assert.Throws<ArgumentException>("y", () => A.Softmax(new float[5], y));
        Assert.Throws<ArgumentException>("x", () => A.Softmax(new float[6], new float[6], 4));
        Assert.Throws<ArgumentOutOfRangeException>("rowLength", () => A.LogSoftmax(new float[6], new float[6], 0));
        Assert.Throws<ArgumentException>("dx", () => A.SoftmaxBackward(new float[4], new float[4], new float[3]));
        Assert.Throws<ArgumentException>("y", () => A.Glu(new float[6], new float[4]));
        Assert.Throws<ArgumentException>("rowLength", () => A.Glu(new float[6], new float[3], 3));
        var shared = new float[8];
        Assert.Throws<ArgumentException>("y", () => A.Softmax(shared.AsSpan(0, 6), shared.AsSpan(1, 6)));
        Assert.All(y, v => Assert.Equal(0f, v));
        A.Softmax(ReadOnlySpan<float>.Empty, Span<float>.Empty);
    }
}
