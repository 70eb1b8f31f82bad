namespace ActivationGen.Tests.Contract;

/// <summary>A user's own declarations with trainables meant per channel: nothing but the declaration is written.</summary>
public static partial class AdaptiveActivations
{
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial float AdaptiveSwish(float x, [Trainable] float alpha = 1, [Trainable] float beta = 1);

    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial double AdaptiveSwishDouble(double x, [Trainable] double alpha = 1, [Trainable] double beta = 1);

    [Activation("a * x + b * x^2 + c * tanh(x) + d * sigmoid(x) + e")]
    public static partial float FiveTrainables(float x, [Trainable] float a, [Trainable] float b, [Trainable] float c, [Trainable] float d, [Trainable] float e);

    [Activation("sigmoid(w * h) * tanh(x) + (1 - sigmoid(w * h)) * h")]
    public static partial float GatedMix(float x, float h, [Trainable] float w = 0.5f);
}
