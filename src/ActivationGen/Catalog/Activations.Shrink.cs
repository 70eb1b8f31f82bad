namespace ActivationGen;

public static partial class Activations
{
    /// <summary>x minus its tanh. PyTorch: <c>F.tanhshrink(x)</c>.</summary>
    /// <remarks>f(x) = x − tanh(x). f'(x) = tanh²(x) (computed as 1 − (1 − tanh²(x))).</remarks>
    /// <param name="x">The input.</param>
    [Activation("x - tanh(x)")]
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
