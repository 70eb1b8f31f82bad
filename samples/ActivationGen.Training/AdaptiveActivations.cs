namespace ActivationGen.Training;

/// <summary>The regression's hidden activation, declared by formula: the generator gives Dense its struct.</summary>
public static partial class AdaptiveActivations
{
    /// <summary>A swish whose scale and sharpness are learned, one pair per hidden unit.</summary>
    [Activation("alpha * x * sigmoid(beta * x)")]
    public static partial float AdaptiveSwish(float x, [Trainable] float alpha = 1f, [Trainable] float beta = 1f);
}
