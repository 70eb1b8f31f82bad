using System;
using System.Linq;
using System.Numerics;
using static ActivationGen.Tests.Generated.Numerics;

namespace ActivationGen.Tests.Generated;

public sealed class FloatConventionTests : ConventionTests<float, FloatActivations>;

public sealed class DoubleConventionTests : ConventionTests<double, DoubleActivations>;

/// <summary>
/// What finite differences cannot check: the documented gradients at kinks and ties, branches that hide
/// NaN, and backward from the output.
/// </summary>
public abstract class ConventionTests<T, TA>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TA : IActivations<T>
{
    private static T V(double v) => From<T>(v);

    private static void Near(double expected, T got, string what) =>
        Assert.True(Close(ToDouble(got), expected, 1e-6), $"{what}: got {ToDouble(got):R}, expected {expected:R}");

    [Fact]
    public void UntakenLogBranch_LeaksNoNaN_AtZeroAndBelow()
    {
        T[] x = [V(0), -T.Zero, V(-1), V(-1e-30), V(-50)];
        var y = new T[x.Length];
        TA.LogBranch(x, y);
        var dy = x.Select((_, i) => V(i + 1)).ToArray();
        var dx = new T[x.Length];
        TA.LogBranchBackward(x, dy, dx);
        for (int i = 0; i < x.Length; i++)
        {
            Near(ToDouble(x[i]), y[i], $"LogBranch({x[i]})");
            Near(ToDouble(x[i]), TA.LogBranch(x[i]), $"scalar LogBranch({x[i]})");
            Near(ToDouble(dy[i]), dx[i], $"LogBranch backward at {x[i]}");
            Near(1, TA.LogBranchDerivative(x[i]), $"LogBranch'({x[i]})");
        }
    }

    [Fact]
    public void EluAtZero_TakesTheElseBranch_DerivativeIsAlpha()
    {
        Near(0, TA.Elu(V(0), V(1.5)), "Elu(0)");
        Near(1.5, TA.EluDerivative(V(0), V(1.5)), "Elu'(0)");
    }

    [Fact]
    public void AbsAndSign_HaveZeroGradientAtZero()
    {
        // abs(x) + sign(x - 0.5)·x + abs(x)^1.5: at 0, abs' = 0 and sign' = 0, leaving sign(−0.5) = −1.
        Near(-1, TA.AbsSignDerivative(V(0)), "AbsSign'(0)");
        // At 0.5, sign(0) = 0 kills the middle term: 1 + 1.5·√0.5.
        Near(1 + 1.5 * Math.Sqrt(0.5), TA.AbsSignDerivative(V(0.5)), "AbsSign'(0.5)");
        Near(0.5 + Math.Pow(0.5, 1.5), TA.AbsSign(V(0.5)), "AbsSign(0.5)");
    }

    [Theory]
    // max(x, 0) + min(x, h) − clamp(x, −1, 1) + max(h, 2x): ties go to the second argument, clamp is closed.
    [InlineData(1, 2, 3, 0)]      // max(1,0)→x, min→x, clamp edge passes −1, max(2,2) tie→2x
    [InlineData(0, 0, 1, 1)]      // max(0,0) tie→0, min(0,0) tie→h, clamp −1, max(0,0) tie→2x
    [InlineData(-1, 0.5, 0, 1)]   // max→0, min→x, clamp edge −1, max(0.5,−2)→h
    [InlineData(-1.5, -1.5, 0, 2)] // max→0, min tie→h, clamp below −1 passes nothing to x, max(−1.5,−3)→h
    public void MinMaxClamp_TiesAndEdges(double x, double h, double expectedDx, double expectedDh)
    {
        T[] xs = [V(x)], hs = [V(h)], dy = [T.One];
        T[] dx = [T.Zero], dh = [T.Zero];
        TA.MinMaxClampBackward(xs, hs, dy, dx, dh);
        Near(expectedDx, dx[0], $"d/dx at ({x}, {h})");
        Near(expectedDh, dh[0], $"d/dh at ({x}, {h})");
    }

    [Theory]
    // 2·clamp(x, lo, hi) + lo·hi with lo = −1, hi = 1.5: x gets the gradient on [lo, hi] including its ends.
    [InlineData(-1, 2, 1.5, -1)]
    [InlineData(1.5, 2, 1.5, -1)]
    [InlineData(3, 0, 1.5, 1)]
    [InlineData(-3, 0, 3.5, -1)]
    public void Clamp_PassesTheGradientOnTheClosedInterval(double x, double expectedDx, double expectedDLo, double expectedDHi)
    {
        T[] xs = [V(x)], dy = [T.One], dx = [T.Zero];
        TA.ClampedBackward(xs, dy, dx, V(-1), V(1.5), out T dLo, out T dHi);
        Near(expectedDx, dx[0], $"dx at {x}");
        Near(expectedDLo, dLo, $"dLo at {x}");
        Near(expectedDHi, dHi, $"dHi at {x}");
        Near(expectedDx, TA.ClampedDerivative(V(x), V(-1), V(1.5)), $"Derivative at {x}");
    }

    [Theory]
    // 2·clamp(x, lo, hi) + lo·hi with lo = 1.5 > hi = −1: clamp is min(max(x, lo), hi) = hi for every x, so
    // f = 2·hi + lo·hi, ∂f/∂x = 0, ∂f/∂lo = hi and ∂f/∂hi = 2 + lo (torch.clamp gives hi the gradient, lo none).
    [InlineData(-3), InlineData(-1), InlineData(0), InlineData(1.5), InlineData(4)]
    public void Clamp_WithCrossedBounds_IsHi_AndSoIsTheGradient(double x)
    {
        T[] xs = [V(x)], dy = [T.One], dx = [T.One];
        Near(2 * -1 + 1.5 * -1, TA.Clamped(V(x), V(1.5), V(-1)), $"value at {x}");
        TA.ClampedBackward(xs, dy, dx, V(1.5), V(-1), out T dLo, out T dHi);
        Near(0, dx[0], $"dx at {x}");
        Near(-1, dLo, $"dLo at {x}");
        Near(3.5, dHi, $"dHi at {x}");
        Near(0, TA.ClampedDerivative(V(x), V(1.5), V(-1)), $"Derivative at {x}");
    }

    /// <summary>Backward from the output alone agrees with backward from the input, wherever it is emitted.</summary>
    [Theory]
    [InlineData(1.5), InlineData(1), InlineData(0.25), InlineData(0)]
    public void BackwardFromOutput_AgreesWithBackwardFromInput(double alpha)
    {
        var random = new Random(11);
        const int n = 67;
        var x = Enumerable.Range(0, n).Select(_ => V(random.NextDouble() * 10 - 5)).ToArray();
        x[0] = T.Zero;
        var dy = Enumerable.Range(0, n).Select(_ => V(random.NextDouble() * 4 - 2)).ToArray();
        var y = new T[n];
        var fromInput = new T[n];
        var fromOutput = new T[n];
        TA.Elu(x, y, V(alpha));
        TA.EluBackward(x, dy, fromInput, V(alpha));
        TA.EluBackwardFromOutput(y, dy, fromOutput, V(alpha));
        for (int i = 0; i < n; i++)
            Near(ToDouble(fromInput[i]), fromOutput[i], $"Elu(alpha={alpha}) backward from output at x={x[i]}");

        TA.Affine(x, y, V(0.75), V(-0.5));
        TA.AffineBackward(x, dy, fromInput, V(0.75), V(-0.5));
        TA.AffineBackwardFromOutput(y, dy, fromOutput, V(0.75), V(-0.5));
        Assert.Equal(fromInput, fromOutput);
    }
}
