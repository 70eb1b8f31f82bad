using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ActivationGen.Layers;

/// <summary>
/// Adam, as PyTorch's <c>Adam</c>: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − η·m̂/(√v̂ + ε) with the bias
/// corrections m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ).
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Adam<T> : IOptimizer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private readonly T[][] _first, _second;
    private readonly double _learningRate, _beta1, _beta2, _epsilon;
    private int _steps;

    /// <summary>An optimizer of <paramref name="parameters"/> (e.g. a network's, activation trainables included).</summary>
    public Adam(IEnumerable<Parameter<T>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        if (!(beta1 is >= 0 and < 1) || !(beta2 is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(beta1), "β₁ and β₂ must lie in [0, 1).");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        _parameters = [.. parameters];
        _first = [.. _parameters.Select(p => new T[p.Value.Length])];
        _second = [.. _parameters.Select(p => new T[p.Value.Length])];
        (_learningRate, _beta1, _beta2, _epsilon) = (learningRate, beta1, beta2, epsilon);
    }

    /// <summary>Steps taken.</summary>
    public int Steps => _steps;

    /// <inheritdoc/>
    public void Step()
    {
        _steps++;
        T beta1 = T.CreateChecked(_beta1), beta2 = T.CreateChecked(_beta2), epsilon = T.CreateChecked(_epsilon);
        T oneMinusBeta1 = T.One - beta1, oneMinusBeta2 = T.One - beta2;
        // The bias corrections folded into the step size and ε, in double: 1 − β₂ᵗ underflows nothing but loses digits in float.
        double correction1 = 1 - Math.Pow(_beta1, _steps), correction2 = 1 - Math.Pow(_beta2, _steps);
        T stepSize = T.CreateChecked(_learningRate / correction1);
        T rootCorrection2 = T.CreateChecked(Math.Sqrt(correction2));
        for (int k = 0; k < _parameters.Length; k++)
        {
            Span<T> value = _parameters[k].Value, gradient = _parameters[k].Gradient, m = _first[k], v = _second[k];
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                Span<Vector<T>> values = MemoryMarshal.Cast<T, Vector<T>>(value), ms = MemoryMarshal.Cast<T, Vector<T>>(m), vs = MemoryMarshal.Cast<T, Vector<T>>(v);
                ReadOnlySpan<Vector<T>> gradients = MemoryMarshal.Cast<T, Vector<T>>(gradient);
                for (int j = 0; j < values.Length; j++)
                {
                    Vector<T> g = gradients[j];
                    ms[j] = new Vector<T>(beta1) * ms[j] + new Vector<T>(oneMinusBeta1) * g;
                    vs[j] = new Vector<T>(beta2) * vs[j] + new Vector<T>(oneMinusBeta2) * g * g;
                    values[j] -= new Vector<T>(stepSize) * ms[j] / (Vector.SquareRoot(vs[j]) / new Vector<T>(rootCorrection2) + new Vector<T>(epsilon));
                }
                i = values.Length * Vector<T>.Count;
            }
            for (; i < value.Length; i++)
            {
                T g = gradient[i];
                m[i] = beta1 * m[i] + oneMinusBeta1 * g;
                v[i] = beta2 * v[i] + oneMinusBeta2 * g * g;
                value[i] -= stepSize * m[i] / (T.Sqrt(v[i]) / rootCorrection2 + epsilon);
            }
        }
    }

    /// <inheritdoc/>
    public void ZeroGradients()
    {
        foreach (Parameter<T> parameter in _parameters)
            parameter.ZeroGradient();
    }
}
