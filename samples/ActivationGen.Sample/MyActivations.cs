using ActivationGen;

namespace ActivationGen.Sample;

public static partial class MyActivations
{
    [Activation("x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta);

    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial float Elu(float x, [Param] float alpha = 1);

    [Activation("tanh(x) * sigmoid(h)")]
    public static partial double Gated(double x, double h);
}
