using System;
using System.Linq;
using System.Numerics;
using static ActivationGen.Tests.Generated.Numerics;

namespace ActivationGen.Tests.Generated;

public sealed class FloatTailCountingTests : TailCountingTests<float, FloatActivations>;

public sealed class DoubleTailCountingTests : TailCountingTests<double, DoubleActivations>;

/// <summary>
/// The last vector overlaps the one before it unless the length is a multiple of the width; its overlapping
/// lanes must be written with the same values and counted once in the trainable sums. Both loop shapes are
/// run: a·x + b is small enough for a plain loop and a second copy of the kernel for the last vector,
/// pow(x, p) + p^x calls into the math library and keeps one copy. With x = 1 and dy = 1, 2, …, n every
/// per-element gradient is a small integer, so each sum is exact, and a lane counted twice or missed is an
/// error of at least 1.
/// </summary>
public abstract class TailCountingTests<T, TA>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TA : IActivations<T>
{
    // 0, 1, and around one, two and four vectors of every width (4, 8 and 16 floats; 2, 4 and 8 doubles).
    public static TheoryData<int> Lengths => new(new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 15, 16, 17, 19, 31, 32, 33, 35, 63, 64, 65, 67, 1000, 4099 });

    private static T V(double v) => T.CreateTruncating(v);

    private static T[] Ramp(int n) => Enumerable.Range(1, n).Select(i => V(i)).ToArray();

    private static double RampSum(int n) => n * (n + 1) / 2.0;

    [Theory, MemberData(nameof(Lengths))]
    public void SmallKernel_CountsEveryLaneOnce_SeparateAndInPlace(int n)
    {
        var x = Enumerable.Repeat(V(1), n).ToArray();
        var dy = Ramp(n);
        var dx = new T[n];
        // d/da (a·x + b) = x = 1 and d/db = 1: both sums are Σ dy.
        TA.AffineBackward(x, dy, dx, V(0.75), V(-0.5), out T dA, out T dB);
        Assert.Equal(RampSum(n), ToDouble(dA));
        Assert.Equal(RampSum(n), ToDouble(dB));
        for (int i = 0; i < n; i++)
            Assert.Equal(0.75 * (i + 1), ToDouble(dx[i]));

        TA.AffineBackward(x, dy, dy, V(0.75), V(-0.5), out dA, out dB);
        Assert.Equal(RampSum(n), ToDouble(dA));
        Assert.Equal(RampSum(n), ToDouble(dB));
        Assert.Equal(dx, dy);

        var y = Ramp(n);
        TA.Affine(y, y, V(2), V(1));
        for (int i = 0; i < n; i++)
            Assert.Equal(2.0 * (i + 1) + 1, ToDouble(y[i]));
    }

    [Theory, MemberData(nameof(Lengths))]
    public void LargeKernel_CountsEveryLaneOnce_SeparateAndInPlace(int n)
    {
        var x = Enumerable.Repeat(V(1), n).ToArray();
        var dy = Ramp(n);
        var dx = new T[n];
        // At x = 1: d/dp pow(1, p) = 0 (1^p is flat in p) and d/dp p^1 = 1, so dP is Σ dy.
        TA.PowTrainableBackward(x, dy, dx, V(1.5), out T dP);
        Assert.Equal(RampSum(n), ToDouble(dP));
        // d/dx = p·x^(p−1) + p^x·ln p.
        double slope = 1.5 + 1.5 * Math.Log(1.5);
        for (int i = 0; i < n; i++)
            Assert.True(Close(ToDouble(dx[i]), (i + 1) * slope, ValueTolerance<T>()), $"dx[{i}] = {ToDouble(dx[i]):R}, expected {(i + 1) * slope:R}");

        var expected = (T[])dx.Clone();
        TA.PowTrainableBackward(x, dy, dy, V(1.5), out dP);
        Assert.Equal(RampSum(n), ToDouble(dP));
        Assert.Equal(expected, dy);
    }
}
