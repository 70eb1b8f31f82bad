namespace ActivationGen.Demo;

/// <summary>The tour's own declarations: a user's activation, written once as a formula.</summary>
public static partial class DemoActivations
{
    /// <summary>Scene 6's piecewise activation. The generator rewrites log(1 + exp(x)) as a stable softplus.</summary>
    [Activation("x > 0 ? alpha * x^2 : beta * log(1 + exp(x))")]
    public static partial float Custom(float x, [Trainable] float alpha = 0.5f, [Trainable] float beta = 1f);

    /// <summary>The same formula in double, for a finite-difference check with little rounding noise.</summary>
    [Activation("x > 0 ? alpha * x^2 : beta * log(1 + exp(x))")]
    public static partial double CustomDouble(double x, [Trainable] double alpha = 0.5, [Trainable] double beta = 1);
}

/// <summary>Double-precision twins of catalog entries, for scene 13's bytes-per-element comparison.</summary>
public static partial class DoubleActivations
{
    [Activation("sigmoid(x)")]
    public static partial double Sigmoid(double x);

    [Activation("tanh(x)")]
    public static partial double Tanh(double x);
}

/// <summary>Scene 9's adaptive activation, with one alpha and one beta per unit when a layer holds it per channel.</summary>
public static partial class AdaptiveActivations
{
    /// <summary>A swish whose height and sharpness are learned: alpha·x·σ(beta·x).</summary>
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial float Adaptive(float x, [Trainable] float alpha = 1f, [Trainable] float beta = 1f);

    /// <summary>The same in double, for the exact gradient check.</summary>
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial double AdaptiveDouble(double x, [Trainable] double alpha = 1, [Trainable] double beta = 1);
}
