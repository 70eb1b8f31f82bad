using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>Updates a fixed set of parameters from their gradients.</summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IOptimizer<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>One update of every parameter from its current gradient.</summary>
    void Step();

    /// <summary>Sets every parameter's gradient to zero (before the next backward pass).</summary>
    void ZeroGradients();
}
