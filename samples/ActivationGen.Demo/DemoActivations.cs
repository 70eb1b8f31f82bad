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
