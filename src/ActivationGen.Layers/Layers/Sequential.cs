using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>Layers applied one after another; backward runs them in reverse.</summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Sequential<T> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly ILayer<T>[] _layers;
    private readonly Parameter<T>[] _parameters;
    private bool _isTraining = true;

    /// <summary>The network <paramref name="layers"/>[0] → [1] → …; parameter names must be unique.</summary>
    public Sequential(params ILayer<T>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
            throw new ArgumentException("A sequential network needs at least one layer.", nameof(layers));
        _layers = (ILayer<T>[])layers.Clone();
        _parameters = [.. _layers.SelectMany(layer => layer.Parameters)];
        string? duplicate = _parameters.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
            throw new ArgumentException($"Two parameters are named '{duplicate}'; give the layers distinct names.", nameof(layers));
        foreach (ILayer<T> layer in _layers)
            layer.IsTraining = true;
    }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<ILayer<T>> Layers => _layers;

    /// <inheritdoc/>
    public string Name => "sequential";

    /// <inheritdoc/>
    public bool IsTraining
    {
        get => _isTraining;
        set
        {
            _isTraining = value;
            foreach (ILayer<T> layer in _layers)
                layer.IsTraining = value;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        foreach (ILayer<T> layer in _layers)
            input = layer.Forward(input);
        return input;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        for (int i = _layers.Length - 1; i >= 0; i--)
            outputGradient = _layers[i].Backward(outputGradient);
        return outputGradient;
    }
}
