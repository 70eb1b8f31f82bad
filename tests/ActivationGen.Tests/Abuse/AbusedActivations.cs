namespace ActivationGen.Tests.Abuse;

/// <summary>Declarations the abuse tests call: one with a trainable sum, two inputs, and one with a from-output form.</summary>
public static partial class AbusedActivations
{
    [Activation("x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta);

    [Activation("tanh(x) * sigmoid(h)")]
    public static partial float Gated(float x, float h);

    [Activation("sigmoid(x)")]
    public static partial double Sigmoid(double x);
}
