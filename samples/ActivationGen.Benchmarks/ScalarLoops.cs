using System;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The plain scalar baseline: one <see cref="MathF"/> evaluation per element, written the way a careful user would
/// (stable softplus, sigmoid through <c>1/(1+e^−x)</c>). The JIT does not auto-vectorize these loops.
/// </summary>
public static class ScalarLoops
{
    internal const float K = 0.7978845608f;   // sqrt(2/pi)
    internal const float C = 0.044715f;

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));
    private static float Softplus(float x) => MathF.Max(x, 0f) + MathF.Log(1f + MathF.Exp(-MathF.Abs(x)));

    public static void SwishForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] / (1f + MathF.Exp(-x[i]));
    }

    public static void SwishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float s = Sigmoid(x[i]);
            dx[i] = dy[i] * s * (1f + x[i] * (1f - s));
        }
    }

    public static void GeluTanhForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            y[i] = 0.5f * v * (1f + MathF.Tanh(K * (v + C * v * v * v)));
        }
    }

    public static void GeluTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            float t = MathF.Tanh(K * (v + C * v * v * v));
            dx[i] = dy[i] * (0.5f * (1f + t) + 0.5f * v * (1f - t * t) * K * (1f + 3f * C * v * v));
        }
    }

    public static void MishForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = x[i] * MathF.Tanh(Softplus(x[i]));
    }

    public static void MishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float v = x[i];
            float t = MathF.Tanh(Softplus(v));
            dx[i] = dy[i] * (t + v * (1f - t * t) * Sigmoid(v));
        }
    }

    public static void SoftplusForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = Softplus(x[i]);
    }

    public static void SoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
            dx[i] = dy[i] * Sigmoid(x[i]);
    }

    public static void SigmoidForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = 1f / (1f + MathF.Exp(-x[i]));
    }

    public static void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float s = Sigmoid(x[i]);
            dx[i] = dy[i] * s * (1f - s);
        }
    }

    public static void TanhForward(ReadOnlySpan<float> x, Span<float> y)
    {
        for (int i = 0; i < x.Length; i++)
            y[i] = MathF.Tanh(x[i]);
    }

    public static void TanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float t = MathF.Tanh(x[i]);
            dx[i] = dy[i] * (1f - t * t);
        }
    }
}
