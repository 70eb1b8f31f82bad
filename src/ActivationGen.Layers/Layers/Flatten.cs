using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>[batch, d1, d2, …] → [batch, d1·d2·…], sharing the elements (no copy), e.g. between a convolution and a dense layer.</summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Flatten<T> : ILayer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private Tensor<T>? _input, _outputView, _gradientView;
    private int[] _inputShape = [];

    /// <summary>A flatten layer named <paramref name="name"/>.</summary>
    public Flatten(string name = "flatten") => Name = name;

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public bool IsTraining { get; set; } = true;

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => [];

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank < 1)
            throw new ArgumentException($"{Name}: the input has shape {input.ShapeText} but [batch, …] was expected.", nameof(input));
        _input = input;
        if (_inputShape.Length != input.Rank)
            _inputShape = new int[input.Rank];
        input.Shape.CopyTo(_inputShape);
        int batch = input.Dimension(0);
        return input.ViewAs(ref _outputView, [batch, batch == 0 ? 0 : input.Length / batch]);
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        if (_input is null || _outputView is null)
            throw new InvalidOperationException($"{Name}: Backward needs a Forward first.");
        ShapeCheck.RequireSame(outputGradient, Name, "output gradient", _outputView, "output");
        return outputGradient.ViewAs(ref _gradientView, _inputShape);
    }
}
