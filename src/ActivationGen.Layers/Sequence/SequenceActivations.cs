namespace ActivationGen.Layers;

/// <summary>
/// The activations the sequence layers are built around, declared by formula with ActivationGen as a user would
/// (so each gets the whole generated API and its <c>NameActivation</c> struct). Float, like the catalog; the
/// formulas are public constants so a <c>double</c> declaration can reuse them.
/// </summary>
public static partial class SequenceActivations
{
    /// <summary>The gated state update z·tanh(x) + (1 − z)·h with z = σ(x + h) (the formula language has no <c>let</c>, so z is written twice; the generator shares it).</summary>
    public const string GatedFormula = "sigmoid(x + h) * tanh(x) + (1 - sigmoid(x + h)) * h";

    /// <summary>A state that decays with elapsed time: tanh(x)·e^(−decay·t).</summary>
    public const string TimeDecayTanhFormula = "tanh(x) * exp(-decay * t)";

    /// <summary>The Gaussian gate e^(−½((a − mean)/std)²)·b: b passes where a is near mean, within about std.</summary>
    public const string GaussianGateFormula = "exp(-0.5 * ((a - mean) / std)^2) * b";

    /// <summary>A gated recurrent update: x is the cell's pre-activation, h the previous state (<see cref="RecurrentInput.PreviousState"/>).</summary>
    /// <param name="x">The pre-activation.</param>
    /// <param name="h">The previous state.</param>
    [Activation(GatedFormula)]
    public static partial float Gated(float x, float h);

    /// <summary>A time-aware state: x is the cell's pre-activation, t the step's elapsed time (<see cref="RecurrentInput.Time"/>).</summary>
    /// <param name="x">The pre-activation.</param>
    /// <param name="t">The elapsed time.</param>
    /// <param name="decay">The learnable decay rate.</param>
    [Activation(TimeDecayTanhFormula)]
    public static partial float TimeDecayTanh(float x, float t, [Trainable] float decay = 0.1f);

    /// <summary>The Gaussian gate of <see cref="GatedLinearUnit{T, TGate}"/>: a is the gate's projection, b the value's.</summary>
    /// <param name="a">The gate's projection.</param>
    /// <param name="b">The value's projection.</param>
    /// <param name="mean">The learnable centre of the gate.</param>
    /// <param name="std">The learnable width of the gate.</param>
    [Activation(GaussianGateFormula)]
    public static partial float GaussianGate(float a, float b, [Trainable] float mean = 0f, [Trainable] float std = 1f);
}
