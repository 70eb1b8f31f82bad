namespace ActivationGen.Layers.Tests;

/// <summary>
/// The sequence layers' activations over <c>double</c>, for gradient checks: the formulas of
/// <see cref="SequenceActivations"/> (float), and the catalog's GELU, ReLU, tanh and hard tanh, declared as a user would.
/// </summary>
public static partial class DoubleSequenceActivations
{
    [Activation(SequenceActivations.GatedFormula)]
    public static partial double Gated(double x, double h);

    [Activation(SequenceActivations.TimeDecayTanhFormula)]
    public static partial double TimeDecayTanh(double x, double t, [Trainable] double decay = 0.5);

    [Activation(SequenceActivations.GaussianGateFormula)]
    public static partial double GaussianGate(double a, double b, [Trainable] double mean = 0, [Trainable] double std = 1);

    [Activation("x <= min ? min : (x >= max ? max : x)")]
    public static partial double HardTanh(double x, [Param] double min = -1, [Param] double max = 1);

    [Activation("0.5 * x * (1 + erf(x / sqrt(2)))")]
    public static partial double Gelu(double x);

    [Activation("max(x, 0)")]
    public static partial double Relu(double x);

    [Activation("tanh(x)")]
    public static partial double Tanh(double x);

    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial double AdaptiveSwish(double x, [Trainable] double alpha = 1, [Trainable] double beta = 1);
}
