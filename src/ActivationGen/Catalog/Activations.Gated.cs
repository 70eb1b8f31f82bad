namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Gaussian error linear unit, exact form. PyTorch: <c>F.gelu(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x·Φ(x) = 0.5·x·(1 + erf(x/√2)). The generator rewrites 1 + erf(u) as erfc(−u) and x·erfc(−x/√2) as one
    /// fused x·Φ(x), whose e^(−x²/2) it takes from the exact x² and whose power of two it applies last, so that the
    /// negative tail (f(−10) = −7.6e-23, f(−13.1) = −2.2e-38 where Φ alone is subnormal) keeps its relative accuracy:
    /// within 4 ulp from −1 down. f'(x) = Φ(x) + x·φ(x) = 0.5·(1 + erf(x/√2)) + x·e^(−x²/2)/√(2π), one fused function
    /// with one exp for both terms.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("0.5 * x * (1 + erf(x / sqrt(2)))")]
    public static partial float Gelu(float x);

    /// <summary>GELU with the tanh approximation. PyTorch: <c>F.gelu(x, approximate='tanh')</c>.</summary>
    /// <remarks>
    /// f(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715x³))). The generator rewrites 1 + tanh(u) as 2σ(2u) (no cancellation
    /// near tanh = −1), so this is x·σ(2u); its derivative σ(2u) + x·σ′(2u)·2u′ takes σ′ in the stable form σ(v)σ(−v).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))")]
    public static partial float GeluTanh(float x);

    /// <summary>Sigmoid-weighted linear unit (swish with β = 1). PyTorch: <c>F.silu(x)</c>.</summary>
    /// <remarks>f(x) = x·σ(x); f'(x) = σ(x) + x·σ(x)·σ(−x). f(−∞) = 0 and f'(+∞) = 1 (PyTorch gives NaN at −∞).</remarks>
    /// <param name="x">The input.</param>
    [Activation("x * sigmoid(x)")]
    public static partial float Silu(float x);

    /// <summary>Swish with a learnable β (Ramachandran et al., 2017). PyTorch: no function (<c>x * torch.sigmoid(beta * x)</c>; <c>F.silu</c> at β = 1).</summary>
    /// <remarks>f(x) = x·σ(βx). ∂f/∂x = σ(βx) + βx·σ(βx)σ(−βx); ∂f/∂β = x²·σ(βx)σ(−βx).</remarks>
    /// <param name="x">The input.</param>
    /// <param name="beta">The learnable sharpness β.</param>
    [Activation("x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta = 1f);

    /// <summary>Mish (Misra, 2019). PyTorch: <c>F.mish(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x·tanh(softplus(x)), which the generator fuses into one function: n/(n + 2) with n = eˣ(eˣ + 2).
    /// f'(x) = tanh(softplus(x)) + x·(1 − tanh²(softplus(x)))·σ(x), the second factor computed as one ratio of
    /// positive terms; f'(0) = 0.6. f(−∞) = 0 (PyTorch gives NaN there).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x * tanh(softplus(x))")]
    public static partial float Mish(float x);

    /// <summary>Squareplus (Barron, 2021), a smooth ReLU made of a square root. No PyTorch function.</summary>
    /// <remarks>
    /// f(x) = (x + √(x² + b)) / 2, computed as (x + s)/2 for x ≥ 0 and as (b/4) / ((s − x)/2) for x &lt; 0 (no
    /// cancellation), with s = √(x² + b), taken as |x| beyond |x| &gt; 1e18 (no overflow of x²).
    /// f'(x) = (1 + x/√(x² + b)) / 2.
    /// </remarks>
    /// <param name="x">The input.</param>
    /// <param name="b">The curvature at 0 (b &gt; 0); f(0) = √b / 2.</param>
    [Activation("x >= 0 ? 0.5 * x + 0.5 * (abs(x) > 1e18 ? abs(x) : sqrt(x^2 + b)) : b / 4 / (0.5 * (abs(x) > 1e18 ? abs(x) : sqrt(x^2 + b)) - 0.5 * x)")]
    public static partial float Squareplus(float x, [Param] float b = 4f);

    /// <summary>Snake (Liu Ziyin et al., 2020), a periodic activation with a learnable frequency. No PyTorch function.</summary>
    /// <remarks>
    /// f(x) = x + sin²(a·x)/a. ∂f/∂x = 1 + sin(2a·x) (as 1 + 2 sin(ax) cos(ax)); ∂f/∂a = x·sin(2ax)/a − sin²(ax)/a².
    /// Where a·x overflows float (|a·x| &gt; 3e38) the periodic part is dropped: f = x, which is the float result
    /// there, and the derivatives take their mean values 1 and 0.
    /// </remarks>
    /// <param name="x">The input.</param>
    /// <param name="freq">The learnable frequency a (not 0).</param>
    [Activation("abs(freq * x) > 3e38 ? x : x + sin(freq * x)^2 / freq")]
    public static partial float Snake(float x, [Trainable] float freq = 1f);
}
