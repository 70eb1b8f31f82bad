using ActivationGen;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The six activations of issue 3, declared by formula here so that the generator runs on this project and the
/// benchmarks time exactly what a user would get.
/// </summary>
public static partial class BenchActivations
{
    /// <summary>Swish / SiLU.</summary>
    [Activation("x * sigmoid(x)")]
    public static partial float Swish(float x);

    /// <summary>GELU, tanh approximation.</summary>
    [Activation("0.5 * x * (1 + tanh(0.7978845608 * (x + 0.044715 * x^3)))")]
    public static partial float GeluTanh(float x);

    /// <summary>Mish.</summary>
    [Activation("x * tanh(softplus(x))")]
    public static partial float Mish(float x);

    /// <summary>Softplus.</summary>
    [Activation("softplus(x)")]
    public static partial float Softplus(float x);

    /// <summary>Logistic sigmoid.</summary>
    [Activation("sigmoid(x)")]
    public static partial float Sigmoid(float x);

    /// <summary>Hyperbolic tangent.</summary>
    [Activation("tanh(x)")]
    public static partial float Tanh(float x);
}
