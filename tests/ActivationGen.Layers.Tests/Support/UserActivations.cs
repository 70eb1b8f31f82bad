namespace ActivationGen.Layers.Tests;

/// <summary>Activations declared by formula as a user would, compiled by the real generator; layers take their structs with no extra code.</summary>
public static partial class UserActivations
{
    /// <summary>The adaptive activation with two trainables, per channel in the layers that use it.</summary>
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial float AdaptiveSwish(float x, [Trainable] float alpha = 1f, [Trainable] float beta = 1f);

    /// <summary>The same in double, for finite differences.</summary>
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial double AdaptiveSwishDouble(double x, [Trainable] double alpha = 1, [Trainable] double beta = 1);

    /// <summary>tanh in double: its backward from the output lets layers keep only y.</summary>
    [Activation("tanh(x)")]
    public static partial double TanhDouble(double x);
}
