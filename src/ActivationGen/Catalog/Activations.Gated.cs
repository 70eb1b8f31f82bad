namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Gaussian error linear unit, exact form. PyTorch: <c>F.gelu(x)</c>.</summary>
    /// <remarks>f(x) = x·Φ(x) = 0.5·x·(1 + erf(x/√2)). f'(x) = Φ(x) + x·φ(x) = 0.5·(1 + erf(x/√2)) + x·e^(−x²/2)/√(2π).</remarks>
    /// <param name="x">The input.</param>
    [Activation("0.5 * x * (1 + erf(x / sqrt(2)))")]
    public static partial float Gelu(float x);

    /// <summary>GELU with the tanh approximation. PyTorch: <c>F.gelu(x, approximate='tanh')</c>.</summary>
    /// <remarks>
    /// f(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715x³))) = x·σ(u), u = 2√(2/π)·(x + 0.044715x³), computed as
    /// x·σ(u) for x ≤ 0 and as x − x·σ(−u) for x &gt; 0 (so neither the value nor the derivative subtracts
    /// values near 1), and as x above 10 and 0 below −12, where that is the float result. The polynomial takes
    /// clamp(x, −13, 11), the same where it is used, so that x³ stays finite on the unused side. f'(x) = σ(u) + x·σ(u)σ(−u)·u', u' = 2√(2/π)·(1 + 0.134145x²).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x > 10 ? x : (x < -12 ? 0 : (x > 0 ? x - x * sigmoid(-2 * sqrt(2 / pi) * (clamp(x, -13, 11) + 0.044715 * clamp(x, -13, 11)^3)) : x * sigmoid(2 * sqrt(2 / pi) * (clamp(x, -13, 11) + 0.044715 * clamp(x, -13, 11)^3))))")]
    public static partial float GeluTanh(float x);

    /// <summary>Sigmoid-weighted linear unit (swish with β = 1). PyTorch: <c>F.silu(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x·σ(x), computed as x − x·σ(−x) for x &gt; 0 so that the derivative
    /// f'(x) = σ(x) + x·σ(x)·σ(−x) never takes 1 − σ of a σ near 1.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x > 0 ? x - x * sigmoid(-x) : x * sigmoid(x)")]
    public static partial float Silu(float x);

    /// <summary>Swish with a learnable β (Ramachandran et al., 2017). PyTorch: no function (<c>x * torch.sigmoid(beta * x)</c>; <c>F.silu</c> at β = 1).</summary>
    /// <remarks>
    /// f(x) = x·σ(βx), computed as x − x·σ(−βx) where βx &gt; 0 (see <see cref="Silu(float)"/>).
    /// ∂f/∂x = σ(βx) + βx·σ(βx)σ(−βx); ∂f/∂β = x²·σ(βx)σ(−βx).
    /// </remarks>
    /// <param name="x">The input.</param>
    /// <param name="beta">The learnable sharpness β.</param>
    [Activation("beta * x > 0 ? x - x * sigmoid(-beta * x) : x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta = 1f);

    /// <summary>Mish (Misra, 2019). PyTorch: <c>F.mish(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x·tanh(softplus(x)) = x·n/(n + 2) with n = eˣ(eˣ + 2), computed as x − 2x/(n + 2) for x &gt; 0 (no
    /// 1 − tanh² of a tanh near 1 in the derivative) and as x above 20, where that is the float result. The
    /// positive side takes e^min(x, 21), which is the same where it is used and keeps the unused side finite.
    /// f'(x) = tanh(softplus(x)) + x·(1 − tanh²(softplus(x)))·σ(x); f'(0) = 0.6.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x > 20 ? x : (x > 0 ? x - 2 * x / (exp(min(x, 21)) * (exp(min(x, 21)) + 2) + 2) : x * (exp(x) * (exp(x) + 2)) / (exp(x) * (exp(x) + 2) + 2))")]
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
