using System;
using System.Linq;

namespace ActivationGen.Demo.Tour;

/// <summary>A generated span forward, y = f(x).</summary>
public delegate void SpanForward(ReadOnlySpan<float> x, Span<float> y);

/// <summary>A generated span backward, dx = dy·f′(x).</summary>
public delegate void SpanBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx);

/// <summary>Runs generated kernels over a grid, for tables and charts.</summary>
public static class Curves
{
    public static float[] ToFloat(double[] xs) => xs.Select(v => (float)v).ToArray();

    public static double[] Forward(SpanForward f, double[] xs)
    {
        var x = ToFloat(xs);
        var y = new float[x.Length];
        f(x, y);
        return y.Select(v => (double)v).ToArray();
    }

    /// <summary>f′ at every point: the generated backward with an incoming gradient of one.</summary>
    public static double[] Derivative(SpanBackward backward, double[] xs)
    {
        var x = ToFloat(xs);
        var ones = Enumerable.Repeat(1f, x.Length).ToArray();
        var dx = new float[x.Length];
        backward(x, ones, dx);
        return dx.Select(v => (double)v).ToArray();
    }
}
