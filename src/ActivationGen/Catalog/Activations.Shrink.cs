namespace ActivationGen;

public static partial class Activations
{
    /// <summary>x minus its tanh. PyTorch: <c>F.tanhshrink(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x − tanh(x), computed for |x| &lt; 0.75 as x³·P(x²), P of degree 7 fitted minimax in relative error to
    /// (x − tanh x)/x³ on x² ∈ [0, 0.5625] (9e-11), which avoids the cancellation of x − tanh(x) near 0. Eight
    /// terms instead of the Taylor series' thirteen: reverse mode through the Horner form keeps every step live, and
    /// with thirteen the backward kernel was too large for the JIT to inline into its span loop.
    /// f'(x) = tanh²(x) (beyond 0.75 computed as 1 − (1 − tanh²(x))).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("abs(x) < 0.75 ? x^3 * (0.3333333333019454 + x^2 * (-0.1333333261646133 + x^2 * (0.05396798375627683 + x^2 * (-0.021865576087973713 + x^2 * (0.008835083627522779 + x^2 * (-0.0034799461912216898 + x^2 * (0.0011986164685527565 + x^2 * (-0.0002540949445655897)))))))) : x - tanh(x)")]
    public static partial float TanhShrink(float x);

    /// <summary>Soft thresholding. PyTorch: <c>F.softshrink(x, lambda)</c>.</summary>
    /// <remarks>f(x) = x &gt; λ ? x − λ : (x &lt; −λ ? x + λ : 0). f'(x) = 1 for |x| &gt; λ, else 0: f'(±λ) = 0 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="lambda">The threshold λ ≥ 0.</param>
    [Activation("x > lambda ? x - lambda : (x < -lambda ? x + lambda : 0)")]
    public static partial float SoftShrink(float x, [Param] float lambda = 0.5f);

    /// <summary>Hard thresholding. PyTorch: <c>F.hardshrink(x, lambda)</c>.</summary>
    /// <remarks>f(x) = |x| &gt; λ ? x : 0. f'(x) = 1 for |x| &gt; λ, else 0: f'(±λ) = 0 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="lambda">The threshold λ ≥ 0.</param>
    [Activation("abs(x) > lambda ? x : 0")]
    public static partial float HardShrink(float x, [Param] float lambda = 0.5f);
}
