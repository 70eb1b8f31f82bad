using System;
using System.Numerics.Tensors;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The cheapest composition of <see cref="TensorPrimitives"/> calls found for each activation and its backward.
/// Each call is one full pass over memory; temporaries are caller-provided buffers of the same length.
/// Outputs are reused as temporaries wherever TensorPrimitives allows it (exact aliasing of an input is allowed).
/// The overloads without temporaries take them from <see cref="Scratch"/>, so a comparison row is one call.
/// </summary>
public static partial class TensorChains
{
    // GELU-tanh as x·σ(2u), since 0.5·(1 + tanh u) = σ(2u); 2u = A·x + B·x³ = B·x·(x² + A/B).
    private const float K = 0.7978845608f; // sqrt(2/pi)
    private const float C = 0.044715f;
    private const float A = 2f * K;
    private const float B = 2f * K * C;

    /// <summary>x·σ(x): Sigmoid, Multiply (2 passes).</summary>
    public static void SwishForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Sigmoid(x, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    /// <summary>dy·s·(1 + x·(1 − s)), s = σ(x): Sigmoid, Subtract, MultiplyAdd, Multiply, Multiply (5 passes).</summary>
    public static void SwishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, Span<float> t1)
    {
        TensorPrimitives.Sigmoid(x, t1);              // s
        TensorPrimitives.Subtract(1f, t1, dx);        // 1 − s
        TensorPrimitives.MultiplyAdd(dx, x, 1f, dx);  // 1 + x(1 − s)
        TensorPrimitives.Multiply(dx, t1, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>x·σ(2u): Multiply, AddMultiply, Multiply, Sigmoid, Multiply (5 passes; the tanh form needs 6).</summary>
    public static void GeluTanhForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Multiply(x, x, y);            // x²
        TensorPrimitives.AddMultiply(y, A / B, x, y);  // (x² + A/B)·x
        TensorPrimitives.Multiply(y, B, y);            // 2u
        TensorPrimitives.Sigmoid(y, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    /// <summary>dy·s·(1 + (1 − s)·x·(A + 3B·x²)), s = σ(2u) (10 passes).</summary>
    public static void GeluTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, Span<float> t1, Span<float> t2)
    {
        TensorPrimitives.Multiply(x, x, t1);                   // x²
        TensorPrimitives.AddMultiply(t1, A / B, x, t2);        // (x² + A/B)·x
        TensorPrimitives.Multiply(t2, B, t2);                  // 2u
        TensorPrimitives.Sigmoid(t2, t2);                      // s
        TensorPrimitives.AddMultiply(t1, A / (3f * B), x, t1); // (x² + A/3B)·x
        TensorPrimitives.Multiply(t1, 3f * B, t1);             // x·(2u)'
        TensorPrimitives.Subtract(1f, t2, dx);                 // 1 − s
        TensorPrimitives.MultiplyAdd(dx, t1, 1f, dx);          // 1 + (1 − s)·x·(2u)'
        TensorPrimitives.Multiply(dx, t2, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>x·tanh(log1p(eˣ)): Exp, LogP1, Tanh, Multiply (4 passes; eˣ overflows above x ≈ 88.7).</summary>
    public static void MishForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Exp(x, y);
        TensorPrimitives.LogP1(y, y);
        TensorPrimitives.Tanh(y, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    /// <summary>
    /// x·n/(n + 2) with n = eˣ·(eˣ + 2), since tanh(log(1 + e)) = (e² + 2e)/(e² + 2e + 2): Exp, AddMultiply, Add,
    /// Divide, Multiply (5 passes but one transcendental; NaN above x ≈ 44).
    /// </summary>
    public static void MishForwardAlgebraic(ReadOnlySpan<float> x, Span<float> y, Span<float> t1)
    {
        TensorPrimitives.Exp(x, t1);
        TensorPrimitives.AddMultiply(t1, 2f, t1, t1);  // n = (e + 2)·e
        TensorPrimitives.Add(t1, 2f, y);               // n + 2
        TensorPrimitives.Divide(t1, y, y);
        TensorPrimitives.Multiply(y, x, y);
    }

    /// <summary>dy·(t + x·(1 − t²)·σ(x)), t = tanh(softplus x) (9 passes).</summary>
    public static void MishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, Span<float> t1, Span<float> t2)
    {
        TensorPrimitives.Exp(x, t1);
        TensorPrimitives.LogP1(t1, t1);
        TensorPrimitives.Tanh(t1, t1);                 // t
        TensorPrimitives.Sigmoid(x, t2);               // σ
        TensorPrimitives.Multiply(t1, t1, dx);         // t²
        TensorPrimitives.Subtract(1f, dx, dx);         // 1 − t²
        TensorPrimitives.Multiply(dx, t2, dx);         // (1 − t²)σ
        TensorPrimitives.MultiplyAdd(dx, x, t1, dx);   // t + x(1 − t²)σ
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>log1p(eˣ): Exp, LogP1 (2 passes; overflows to +∞ above x ≈ 88.7 instead of returning x).</summary>
    public static void SoftplusForward(ReadOnlySpan<float> x, Span<float> y)
    {
        TensorPrimitives.Exp(x, y);
        TensorPrimitives.LogP1(y, y);
    }

    /// <summary>max(x, 0) + log1p(e^−|x|): Abs, Negate, Exp, LogP1, Max, Add (6 passes; correct for every float).</summary>
    public static void SoftplusForwardStable(ReadOnlySpan<float> x, Span<float> y, Span<float> t1)
    {
        TensorPrimitives.Abs(x, t1);
        TensorPrimitives.Negate(t1, t1);
        TensorPrimitives.Exp(t1, t1);
        TensorPrimitives.LogP1(t1, t1);
        TensorPrimitives.Max(x, 0f, y);
        TensorPrimitives.Add(y, t1, y);
    }

    /// <summary>dy·σ(x): Sigmoid, Multiply (2 passes).</summary>
    public static void SoftplusBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        TensorPrimitives.Sigmoid(x, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>dy·s·(1 − s): Sigmoid, Subtract, Multiply, Multiply (4 passes).</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, Span<float> t1)
    {
        TensorPrimitives.Sigmoid(x, t1);
        TensorPrimitives.Subtract(1f, t1, dx);
        TensorPrimitives.Multiply(dx, t1, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>dy·y·(1 − y) from the output: Subtract, Multiply, Multiply (3 passes).</summary>
    public static void SigmoidBackwardFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        TensorPrimitives.Subtract(1f, y, dx);
        TensorPrimitives.Multiply(dx, y, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>dy·(1 − t²): Tanh, Multiply, Subtract, Multiply (4 passes).</summary>
    public static void TanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, Span<float> t1)
    {
        TensorPrimitives.Tanh(x, t1);
        TensorPrimitives.Multiply(t1, t1, dx);
        TensorPrimitives.Subtract(1f, dx, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <summary>dy·(1 − y²) from the output: Multiply, Subtract, Multiply (3 passes).</summary>
    public static void TanhBackwardFromOutput(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx)
    {
        TensorPrimitives.Multiply(y, y, dx);
        TensorPrimitives.Subtract(1f, dx, dx);
        TensorPrimitives.Multiply(dx, dy, dx);
    }

    /// <inheritdoc cref="SwishBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float})"/>
    public static void SwishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) => SwishBackward(x, dy, dx, Scratch.Get(x.Length, 0));

    /// <inheritdoc cref="GeluTanhBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float})"/>
    public static void GeluTanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) =>
        GeluTanhBackward(x, dy, dx, Scratch.Get(x.Length, 0), Scratch.Get(x.Length, 1));

    /// <inheritdoc cref="MishForwardAlgebraic(ReadOnlySpan{float}, Span{float}, Span{float})"/>
    public static void MishForwardAlgebraic(ReadOnlySpan<float> x, Span<float> y) => MishForwardAlgebraic(x, y, Scratch.Get(x.Length, 0));

    /// <inheritdoc cref="MishBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float}, Span{float})"/>
    public static void MishBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) =>
        MishBackward(x, dy, dx, Scratch.Get(x.Length, 0), Scratch.Get(x.Length, 1));

    /// <inheritdoc cref="SoftplusForwardStable(ReadOnlySpan{float}, Span{float}, Span{float})"/>
    public static void SoftplusForwardStable(ReadOnlySpan<float> x, Span<float> y) => SoftplusForwardStable(x, y, Scratch.Get(x.Length, 0));

    /// <inheritdoc cref="SigmoidBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float})"/>
    public static void SigmoidBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) => SigmoidBackward(x, dy, dx, Scratch.Get(x.Length, 0));

    /// <inheritdoc cref="TanhBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float}, Span{float})"/>
    public static void TanhBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) => TanhBackward(x, dy, dx, Scratch.Get(x.Length, 0));
}

/// <summary>
/// Temporaries for the chains, allocated and touched on first use (BenchmarkDotNet's first, untimed call) and
/// reused by every later call of the same length, so no timed call allocates or faults a page.
/// </summary>
public static class Scratch
{
    private static readonly System.Collections.Generic.Dictionary<(int Length, int Index), float[]> Buffers = [];

    public static float[] Get(int length, int index)
    {
        lock (Buffers)
        {
            if (!Buffers.TryGetValue((length, index), out float[]? buffer))
            {
                buffer = GC.AllocateUninitializedArray<float>(length);
                buffer.AsSpan().Clear();
                Buffers[(length, index)] = buffer;
            }
            return buffer;
        }
    }
}
