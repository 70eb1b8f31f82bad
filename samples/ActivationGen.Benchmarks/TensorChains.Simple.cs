using System;
using System.Numerics.Tensors;

namespace ActivationGen.Benchmarks;

public static partial class TensorChains
{
    /// <summary>min(max(x, 0), 6): Max, Min (2 passes).</summary>
    public static void Relu6Forward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Max(x, 0f, y);
        TensorPrimitives.Min(y, 6f, y);
    }

    /// <summary>max(x, slope·x) for 0 &lt; slope &lt; 1: Multiply, Max (2 passes).</summary>
    public static void LeakyReluForward(ReadOnlySpan<float> x, Span<float> y, float slope)
    {
        TensorPrimitives.Multiply(x, slope, y);
        TensorPrimitives.Max(x, y, y);
    }

    /// <summary>min(max(x, lo), hi): Max, Min (2 passes).</summary>
    public static void ClampForward(ReadOnlySpan<float> x, Span<float> y, float lo, float hi)
    {
        TensorPrimitives.Max(x, lo, y);
        TensorPrimitives.Min(y, hi, y);
    }

    /// <summary>clamp(x/6 + 1/2, 0, 1): Multiply, Add, Max, Min (4 passes).</summary>
    public static void HardSigmoidForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Multiply(x, 1f / 6f, y);
        TensorPrimitives.Add(y, 0.5f, y);
        TensorPrimitives.Max(y, 0f, y);
        TensorPrimitives.Min(y, 1f, y);
    }

    /// <summary>x/(1 + |x|): Abs, Add, Divide (3 passes).</summary>
    public static void SoftsignForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Abs(x, y);
        TensorPrimitives.Add(y, 1f, y);
        TensorPrimitives.Divide(x, y, y);
    }

    /// <summary>−log1p(e^−x): Negate, Exp, LogP1, Negate (4 passes; overflows to −∞ below x ≈ −88.7).</summary>
    public static void LogSigmoidForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Negate(x, y);
        TensorPrimitives.Exp(y, y);
        TensorPrimitives.LogP1(y, y);
        TensorPrimitives.Negate(y, y);
    }

    /// <summary>1.7159·tanh(2x/3): Multiply, Tanh, Multiply (3 passes).</summary>
    public static void ScaledTanhForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Multiply(x, 2f / 3f, y);
        TensorPrimitives.Tanh(y, y);
        TensorPrimitives.Multiply(y, 1.7159f, y);
    }

    /// <summary>x − tanh(x): Tanh, Subtract (2 passes; cancels near 0).</summary>
    public static void TanhShrinkForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Tanh(x, y);
        TensorPrimitives.Subtract(x, y, y);
    }

    /// <summary>x·tanh(x): Tanh, Multiply (2 passes).</summary>
    public static void LishtForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Tanh(x, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    /// <summary>tanh(x)·σ(gate): Tanh, Sigmoid, Multiply (3 passes).</summary>
    public static void GatedTanhForward(ReadOnlySpan<float> x, ReadOnlySpan<float> gate, Span<float> y)
    {
        Span<float> t = Scratch.Get(x.Length, 0);
        TensorPrimitives.Tanh(x, y);
        TensorPrimitives.Sigmoid(gate, t);
        TensorPrimitives.Multiply(y, t, y);
    }

    /// <summary>x·σ(x) in double: Sigmoid, Multiply (2 passes).</summary>
    public static void SwishForward(ReadOnlySpan<double> x, Span<double> y)
    {
        TensorPrimitives.Sigmoid(x, y);
        TensorPrimitives.Multiply(y, x, y);
    }
}
