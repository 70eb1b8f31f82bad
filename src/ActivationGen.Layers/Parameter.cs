using System;
using System.Collections.Generic;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>A learnable tensor of a layer and its gradient, in one flat array each: what optimizers update.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class Parameter<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>A parameter of <paramref name="length"/> zeros named <paramref name="name"/> (e.g. <c>dense1.weight</c>).</summary>
    public Parameter(string name, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Name = name;
        Value = new T[length];
        Gradient = new T[length];
    }

    /// <summary>The parameter's name, for reports and error messages.</summary>
    public string Name { get; }

    /// <summary>The values.</summary>
    public T[] Value { get; }

    /// <summary>The gradient of the loss with respect to <see cref="Value"/>, accumulated by backward passes.</summary>
    public T[] Gradient { get; }

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGradient() => Array.Clear(Gradient);
}

/// <summary>Something with learnable parameters: a layer, or a network of layers.</summary>
public interface IHasParameters<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Every learnable parameter, trainable activation parameters included.</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }
}
