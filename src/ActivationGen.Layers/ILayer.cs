using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>
/// A differentiable layer. <see cref="Forward"/> keeps what <see cref="Backward"/> needs; <see cref="Backward"/>
/// takes ∂loss/∂output, adds ∂loss/∂parameter into every <see cref="Parameter{T}.Gradient"/> (accumulates: call
/// <c>ZeroGradient</c> between steps, as optimizers do) and returns ∂loss/∂input.
/// </summary>
/// <remarks>
/// The returned tensors belong to the layer and are overwritten by its next call; a layer allocates only while its
/// buffers grow (the first step, or a larger batch), so a training step at a steady batch size allocates nothing.
/// </remarks>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface ILayer<T> : IHasParameters<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The layer's name, used in parameter names and error messages.</summary>
    string Name { get; }

    /// <summary>True in training mode (batch statistics, dropout…), false in inference; layers start in training mode.</summary>
    bool IsTraining { get; set; }

    /// <summary>The output for <paramref name="input"/>; shapes are checked first (<see cref="System.ArgumentException"/> naming both).</summary>
    Tensor<T> Forward(Tensor<T> input);

    /// <summary>∂loss/∂input from ∂loss/∂output of the last <see cref="Forward"/>, accumulating parameter gradients.</summary>
    Tensor<T> Backward(Tensor<T> outputGradient);
}
