using System.Collections.Immutable;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

// Test-only activations written by hand against IUnaryActivation<T>, evaluated lane by lane in double so that
// they serve float and double alike. They stand in for generated ones in layer tests that need both element types.

internal static class LaneMap
{
    public static TV Map<TV, T>(TV a, Func<double, double> f)
        where TV : struct, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<T> lanes = stackalloc T[TV.Count];
        TV.StoreUnsafe(a, ref lanes[0], 0);
        for (int i = 0; i < lanes.Length; i++)
            lanes[i] = T.CreateChecked(f(double.CreateChecked(lanes[i])));
        return TV.LoadUnsafe(ref lanes[0], 0);
    }

    public static TV Map<TV, T>(TV a, TV b, Func<double, double, double> f)
        where TV : struct, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<T> left = stackalloc T[TV.Count];
        Span<T> right = stackalloc T[TV.Count];
        TV.StoreUnsafe(a, ref left[0], 0);
        TV.StoreUnsafe(b, ref right[0], 0);
        for (int i = 0; i < left.Length; i++)
            left[i] = T.CreateChecked(f(double.CreateChecked(left[i]), double.CreateChecked(right[i])));
        return TV.LoadUnsafe(ref left[0], 0);
    }
}

/// <summary>tanh, with a backward from its output (so layers keep only y).</summary>
internal readonly struct TestTanh<T> : IUnaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("TestTanh", "tanh(x)", ["x"], [], [], ["1 - tanh(x)^2"], "1 - y^2");
    public static int InputCount => 1;
    public static int TrainableCount => 0;
    public static bool HasBackwardFromOutput => true;
    public T TrainableDefault(int index) => throw new ArgumentOutOfRangeException(nameof(index));
    public TV Forward<TV>(TV x, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => LaneMap.Map<TV, T>(x, Math.Tanh);
    public TV Backward<TV>(TV x, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
        => LaneMap.Map<TV, T>(x, dy, (x, dy) => dy * (1 - Math.Tanh(x) * Math.Tanh(x)));
    public TV BackwardFromOutput<TV>(TV y, TV dy, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T>
        => LaneMap.Map<TV, T>(y, dy, (y, dy) => dy * (1 - y * y));
    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T> => inputGradients[0] = Backward(inputs[0], dy, trainables, trainableGradients);
    public void Forward(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<T> trainableGradients) => throw new NotSupportedException();
    public void BackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
}

/// <summary>alpha * x * sigmoid(beta * x) with two trainables (defaults 1 and 1), derivatives by hand.</summary>
internal readonly struct TestAdaptiveSwish<T> : IUnaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("TestAdaptiveSwish", "alpha * x * sigmoid(beta * x)", ["x"], [], ["alpha", "beta"], ["…", "…", "…"], null);
    public static int InputCount => 1;
    public static int TrainableCount => 2;
    public static bool HasBackwardFromOutput => false;
    public T TrainableDefault(int index) => index is 0 or 1 ? T.One : throw new ArgumentOutOfRangeException(nameof(index));

    private static double S(double u) => 1 / (1 + Math.Exp(-u));

    public TV Forward<TV>(TV x, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T>
    {
        TV sx = LaneMap.Map<TV, T>(trainables[1] * x, S);
        return trainables[0] * x * sx;
    }

    public TV Backward<TV>(TV x, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
    {
        TV alpha = trainables[0], beta = trainables[1];
        TV s = LaneMap.Map<TV, T>(beta * x, S);
        TV ds = s * (TV.Create(T.One) - s); // σ'
        trainableGradients[0] = dy * x * s;
        trainableGradients[1] = dy * alpha * x * x * ds;
        return dy * alpha * (s + beta * x * ds);
    }

    public TV BackwardFromOutput<TV>(TV y, TV dy, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => throw new NotSupportedException();
    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T> => inputGradients[0] = Backward(inputs[0], dy, trainables, trainableGradients);
    public void Forward(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<T> trainableGradients) => throw new NotSupportedException();
    public void BackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
}
