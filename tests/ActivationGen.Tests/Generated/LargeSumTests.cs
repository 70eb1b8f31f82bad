using System;
using System.Numerics;
using static ActivationGen.Tests.Generated.Numerics;

namespace ActivationGen.Tests.Generated;

public sealed class FloatLargeSumTests : LargeSumTests<float, FloatActivations>;

public sealed class DoubleLargeSumTests : LargeSumTests<double, DoubleActivations>;

/// <summary>Trainable gradient sums over millions of elements (proves the block accumulation).</summary>
public abstract class LargeSumTests<T, TA>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TA : IActivations<T>
{
    private static T V(double v) => From<T>(v);

    /// <summary>
    /// Σ over 4M elements of a constant gradient: a plain float running sum would be off by percents; the
    /// generated block accumulation must give the exact sum within 1e-6.
    /// </summary>
    [Fact]
    public void TrainableSums_OverFourMillionElements_MatchTheExactSum()
    {
        const int n = (1 << 22) + 13;
        var x = new T[n];
        var dy = new T[n];
        var dx = new T[n];
        Array.Fill(x, V(0.3));
        Array.Fill(dy, V(0.1));
        TA.AffineBackward(x, dy, dx, V(0.75), V(-0.5), out T dA, out T dB);
        double perA = ToDouble(V(0.1) * V(0.3)), perB = ToDouble(V(0.1));
        Assert.True(Close(ToDouble(dA), n * perA, 1e-6), $"dA = {ToDouble(dA):R}, exact {n * perA:R}");
        Assert.True(Close(ToDouble(dB), n * perB, 1e-6), $"dB = {ToDouble(dB):R}, exact {n * perB:R}");
        Assert.All(dx, v => Assert.Equal(V(0.1) * V(0.75), v));

        // Random signs and sizes: compare with the double sum of the same per-element products.
        var random = new Random(7);
        for (int i = 0; i < n; i++)
        {
            x[i] = V(random.NextDouble() * 6 - 3);
            dy[i] = V(random.NextDouble());
        }
        TA.AffineBackward(x, dy, dx, V(0.75), V(-0.5), out dA, out dB);
        double exactA = 0, exactB = 0, scale = 0;
        for (int i = 0; i < n; i++)
        {
            double term = ToDouble(dy[i] * x[i]);
            exactA += term;
            scale += Math.Abs(term);
            exactB += ToDouble(dy[i]);
        }
        Assert.True(Math.Abs(ToDouble(dA) - exactA) <= 1e-6 * scale, $"dA = {ToDouble(dA):R}, exact {exactA:R}");
        Assert.True(Close(ToDouble(dB), exactB, 1e-6), $"dB = {ToDouble(dB):R}, exact {exactB:R}");
    }
}
