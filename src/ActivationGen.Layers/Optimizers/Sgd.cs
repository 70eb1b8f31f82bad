using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>Stochastic gradient descent with momentum, as PyTorch's <c>SGD</c> (no dampening): v ← μ·v + g, p ← p − η·v.</summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Sgd<T> : IOptimizer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] _parameters;
    private readonly T[][] _velocities;
    private readonly T _learningRate, _momentum;

    /// <summary>An optimizer of <paramref name="parameters"/> (e.g. a network's, activation trainables included).</summary>
    public Sgd(IEnumerable<Parameter<T>> parameters, double learningRate, double momentum = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(learningRate);
        if (!(momentum is >= 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "The momentum must lie in [0, 1).");
        _parameters = [.. parameters];
        _velocities = [.. _parameters.Select(p => new T[p.Value.Length])];
        _learningRate = T.CreateChecked(learningRate);
        _momentum = T.CreateChecked(momentum);
    }

    /// <inheritdoc/>
    public void Step()
    {
        for (int k = 0; k < _parameters.Length; k++)
        {
            Span<T> value = _parameters[k].Value, gradient = _parameters[k].Gradient, velocity = _velocities[k];
            for (int i = 0; i < value.Length; i++)
            {
                velocity[i] = _momentum * velocity[i] + gradient[i];
                value[i] -= _learningRate * velocity[i];
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
