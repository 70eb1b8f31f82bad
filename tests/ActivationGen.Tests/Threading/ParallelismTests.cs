namespace ActivationGen.Tests.Threading;

public static partial class ThreadedActivations
{
    [Activation("x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta);

    [Activation("tanh(x) * sigmoid(h)")]
    public static partial float Gated(float x, float h);
}

/// <summary>The opt-in split across cores gives the serial results, exactly for values and closely for sums.</summary>
[Collection(nameof(ParallelismTests))]
[CollectionDefinition(nameof(ParallelismTests), DisableParallelization = true)]
public sealed class ParallelismTests : IDisposable
{
    private const int Length = 1_000_003; // not a multiple of any chunk or vector width

    private readonly int savedMinimum = Parallelism.MinimumLength;
    private readonly int savedDegree = Parallelism.MaxDegree;

    public void Dispose()
    {
        Parallelism.MinimumLength = savedMinimum;
        Parallelism.MaxDegree = savedDegree;
    }

    [Fact]
    public void SplitForwardAndBackwardEqualTheSerialOnes()
    {
        var (x, dy) = Inputs();
        var serialY = new float[Length];
        var serialDx = new float[Length];
        ThreadedActivations.Swish(x, serialY, 1.3f);
        ThreadedActivations.SwishBackward(x, dy, serialDx, 1.3f, out float serialDBeta);

        Parallelism.MinimumLength = 1 << 16;
        Parallelism.MaxDegree = 4;
        var y = new float[Length];
        var dx = new float[Length];
        ThreadedActivations.Swish(x, y, 1.3f);
        ThreadedActivations.SwishBackward(x, dy, dx, 1.3f, out float dBeta);

        Assert.Equal(serialY, y);
        Assert.Equal(serialDx, dx);
        double exact = ExactSwishBetaGradient(x, dy, 1.3);
        Assert.True(Math.Abs(dBeta - exact) <= 1e-5 * Math.Abs(exact), $"split {dBeta} vs exact {exact}");
        Assert.True(Math.Abs(serialDBeta - exact) <= 1e-5 * Math.Abs(exact), $"serial {serialDBeta} vs exact {exact}");
    }

    [Fact]
    public void SplitForwardWithDerivativeAndSavedBackwardEqualTheSerialOnes()
    {
        var (x, dy) = Inputs();
        float[] dyKept = (float[])dy.Clone();
        var (serialY, serialDerivative, serialDx) = (new float[Length], new float[Length], new float[Length]);
        Activations.SiluWithDerivative(x, serialY, serialDerivative);
        SavedDerivative.Backward(serialDerivative, dy, serialDx);

        Parallelism.MinimumLength = 1 << 16;
        Parallelism.MaxDegree = 4;
        var (y, derivative, dx) = (new float[Length], new float[Length], new float[Length]);
        Activations.SiluWithDerivative(x, y, derivative);
        SavedDerivative.Backward(derivative, dy, dx);
        SavedDerivative.Backward(derivative, dy, dy); // in place over dy

        Assert.Equal(serialY, y);
        Assert.Equal(serialDerivative, derivative);
        Assert.Equal(serialDx, dx);
        Assert.Equal(serialDx, dy);
        // Not only equal to each other: the serial product is one rounding of the exact one.
        for (int i = 0; i < Length; i += 997)
            Assert.Equal((float)((double)serialDerivative[i] * dyKept[i]), serialDx[i]);
    }

    [Fact]
    public void SeveralInputsAndInPlaceSplitToo()
    {
        var (x, h) = Inputs();
        var expected = new float[Length];
        ThreadedActivations.Gated(x, h, expected);

        Parallelism.MinimumLength = 1 << 16;
        ThreadedActivations.Gated(x, h, x); // in place over the first input

        Assert.Equal(expected, x);
    }

    [Fact]
    public void ASplitCallAllocatesNothing()
    {
        var (x, dy) = Inputs();
        var dx = new float[Length];
        Parallelism.MinimumLength = 1 << 16;
        // Steady state: a worker's first chunk loads and compiles the job's code, which allocates once. On a
        // busy machine the caller may finish every chunk before a worker wakes, so warm up until two quiet
        // rounds in a row: an allocation per call would never let that happen.
        long callerAllocated = 0, workersAllocated = 0;
        for (int round = 0, quiet = 0; round < 50 && quiet < 2; round++)
        {
            long callerBefore = GC.GetAllocatedBytesForCurrentThread();
            long workersBefore = WorkerPool.WorkerAllocatedBytes;
            for (int i = 0; i < 5; i++)
                ThreadedActivations.SwishBackward(x, dy, dx, 1f, out _);
            callerAllocated = GC.GetAllocatedBytesForCurrentThread() - callerBefore;
            workersAllocated = WorkerPool.WorkerAllocatedBytes - workersBefore;
            quiet = callerAllocated == 0 && workersAllocated == 0 ? quiet + 1 : 0;
        }

        Assert.Equal(0, callerAllocated);
        Assert.Equal(0, workersAllocated);
        Assert.True(WorkerPool.ChunksRunByWorkers > 0, "the workers never ran a chunk");
    }

    [Fact]
    public void BelowTheThresholdNothingIsSplitAndSettingsAreChecked()
    {
        Assert.Equal(int.MaxValue, savedMinimum); // off unless a caller opts in (this collection runs alone)
        Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MinimumLength = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxDegree = 0);
        Parallelism.MinimumLength = 1000;
        Assert.False(Parallelism.ShouldSplit(999));
        Assert.True(Parallelism.ShouldSplit(1000));
    }

    private static (float[] X, float[] Dy) Inputs()
    {
        var random = new Random(7);
        var x = new float[Length];
        var dy = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            x[i] = (float)(random.NextDouble() * 16 - 8);
            dy[i] = (float)(random.NextDouble() * 2 - 1);
        }
        return (x, dy);
    }

    // Σ dy · x² σ(βx)(1 − σ(βx)), in double: the independent reference for the summed trainable gradient.
    private static double ExactSwishBetaGradient(float[] x, float[] dy, double beta)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double s = 1 / (1 + Math.Exp(-beta * x[i]));
            sum += dy[i] * x[i] * x[i] * s * (1 - s);
        }
        return sum;
    }
}
