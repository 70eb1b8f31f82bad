using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

// Stand-ins for the generated structs of the sequence layers' formulas (until the contract branch emits them),
// written by hand, lane by lane in double, so that they serve float and double alike.

/// <summary>Evaluates a function of up to three lanes with up to three results, lane by lane in double.</summary>
internal static class Lanewise
{
    public delegate void Function(ReadOnlySpan<double> inputs, Span<double> results);

    public static void Run<TV, T>(ReadOnlySpan<TV> inputs, Span<TV> results, Function f)
        where TV : struct, IVectorBits<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Span<T> lanes = stackalloc T[16];
        Span<double> laneInputs = stackalloc double[inputs.Length * TV.Count];
        Span<double> laneResults = stackalloc double[results.Length * TV.Count];
        for (int k = 0; k < inputs.Length; k++)
        {
            TV.StoreUnsafe(inputs[k], ref lanes[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
                laneInputs[lane * inputs.Length + k] = double.CreateChecked(lanes[lane]);
        }
        for (int lane = 0; lane < TV.Count; lane++)
            f(laneInputs.Slice(lane * inputs.Length, inputs.Length), laneResults.Slice(lane * results.Length, results.Length));
        for (int k = 0; k < results.Length; k++)
        {
            for (int lane = 0; lane < TV.Count; lane++)
                lanes[lane] = T.CreateChecked(laneResults[lane * results.Length + k]);
            results[k] = TV.LoadUnsafe(ref lanes[0], 0);
        }
    }
}

/// <summary>z * tanh(x) + (1 - z) * h with z = sigmoid(x + h), two inputs.</summary>
internal readonly struct StandInGated<T> : IBinaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("StandInGated", "sigmoid(x + h) * tanh(x) + (1 - sigmoid(x + h)) * h", ["x", "h"], [], [], ["…", "…"], null);
    public static int InputCount => 2;
    public static int TrainableCount => 0;
    public static bool HasBackwardFromOutput => false;
    public T TrainableDefault(int index) => throw new ArgumentOutOfRangeException(nameof(index));

    private static void Evaluate(ReadOnlySpan<double> v, Span<double> r)
    {
        double x = v[0], h = v[1], z = 1 / (1 + Math.Exp(-(x + h))), t = Math.Tanh(x);
        r[0] = z * t + (1 - z) * h;
        if (r.Length > 1)
        {
            double dy = v[2], common = z * (1 - z) * (t - h);
            r[1] = dy * (common + z * (1 - t * t));
            r[2] = dy * (common + 1 - z);
        }
    }

    public TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default];
        Lanewise.Run<TV, T>([a, b], result, Evaluate);
        return result[0];
    }

    public void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default, default, default];
        Lanewise.Run<TV, T>([a, b, dy], result, Evaluate);
        (da, db) = (result[1], result[2]);
    }

    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], inputs[1], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
        => Backward(inputs[0], inputs[1], dy, trainables, out inputGradients[0], out inputGradients[1], trainableGradients);
}

/// <summary>tanh(x) * exp(-decay * t), inputs x and t, trainable decay (default 0.5).</summary>
internal readonly struct StandInTimeDecay<T> : IBinaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("StandInTimeDecay", "tanh(x) * exp(-decay * t)", ["x", "t"], [], ["decay"], ["…", "…", "…"], null);
    public static int InputCount => 2;
    public static int TrainableCount => 1;
    public static bool HasBackwardFromOutput => false;
    public T TrainableDefault(int index) => index == 0 ? T.CreateChecked(0.5) : throw new ArgumentOutOfRangeException(nameof(index));

    private static void Evaluate(ReadOnlySpan<double> v, Span<double> r)
    {
        double x = v[0], t = v[1], decay = v[2], th = Math.Tanh(x), damping = Math.Exp(-decay * t), f = th * damping;
        r[0] = f;
        if (r.Length > 1)
        {
            double dy = v[3];
            r[1] = dy * (1 - th * th) * damping;
            r[2] = dy * -decay * f;
            r[3] = dy * -t * f;
        }
    }

    public TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default];
        Lanewise.Run<TV, T>([a, b, trainables[0]], result, Evaluate);
        return result[0];
    }

    public void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default, default, default, default];
        Lanewise.Run<TV, T>([a, b, trainables[0], dy], result, Evaluate);
        (da, db, trainableGradients[0]) = (result[1], result[2], result[3]);
    }

    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], inputs[1], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
        => Backward(inputs[0], inputs[1], dy, trainables, out inputGradients[0], out inputGradients[1], trainableGradients);
}

/// <summary>Hard tanh, clamp to [-1, 1] with derivative 0 at ±1 (PyTorch's).</summary>
internal readonly struct StandInHardTanh<T> : IUnaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("StandInHardTanh", "x <= -1 ? -1 : (x >= 1 ? 1 : x)", ["x"], [], [], ["…"], null);
    public static int InputCount => 1;
    public static int TrainableCount => 0;
    public static bool HasBackwardFromOutput => false;
    public T TrainableDefault(int index) => throw new ArgumentOutOfRangeException(nameof(index));
    public TV Forward<TV>(TV x, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => LaneMap.Map<TV, T>(x, v => Math.Clamp(v, -1, 1));
    public TV Backward<TV>(TV x, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
        => LaneMap.Map<TV, T>(x, dy, (x, dy) => x > -1 && x < 1 ? dy : 0);
    public TV BackwardFromOutput<TV>(TV y, TV dy, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => throw new NotSupportedException();
    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T> => inputGradients[0] = Backward(inputs[0], dy, trainables, trainableGradients);
    public void Forward(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
    public void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<T> trainableGradients) => throw new NotSupportedException();
    public void BackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables) => throw new NotSupportedException();
}

/// <summary>exp(-0.5 * ((a - mean) / std)^2) * b, trainable mean (default 0) and std (default 1).</summary>
internal readonly struct StandInGaussianGate<T> : IBinaryActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static ActivationInfo Info { get; } = new("StandInGaussianGate", "exp(-0.5 * ((a - mean) / std)^2) * b", ["a", "b"], [], ["mean", "std"], ["…", "…", "…", "…"], null);
    public static int InputCount => 2;
    public static int TrainableCount => 2;
    public static bool HasBackwardFromOutput => false;
    public T TrainableDefault(int index) => index switch { 0 => T.Zero, 1 => T.One, _ => throw new ArgumentOutOfRangeException(nameof(index)) };

    private static void Evaluate(ReadOnlySpan<double> v, Span<double> r)
    {
        double a = v[0], b = v[1], mean = v[2], std = v[3], u = (a - mean) / std, g = Math.Exp(-0.5 * u * u);
        r[0] = g * b;
        if (r.Length > 1)
        {
            double dy = v[4];
            r[1] = dy * -u / std * g * b;
            r[2] = dy * g;
            r[3] = dy * u / std * g * b;
            r[4] = dy * u * u / std * g * b;
        }
    }

    public TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default];
        Lanewise.Run<TV, T>([a, b, trainables[0], trainables[1]], result, Evaluate);
        return result[0];
    }

    public void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
    {
        Span<TV> result = [default, default, default, default, default];
        Lanewise.Run<TV, T>([a, b, trainables[0], trainables[1], dy], result, Evaluate);
        (da, db, trainableGradients[0], trainableGradients[1]) = (result[1], result[2], result[3], result[4]);
    }

    public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables) where TV : struct, IVectorBits<TV, T> => Forward(inputs[0], inputs[1], trainables);
    public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients) where TV : struct, IVectorBits<TV, T>
        => Backward(inputs[0], inputs[1], dy, trainables, out inputGradients[0], out inputGradients[1], trainableGradients);
}
