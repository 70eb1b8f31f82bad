namespace ActivationGen;

public static partial class Activations
{
    /// <summary>x minus its tanh. PyTorch: <c>F.tanhshrink(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x − tanh(x), computed for |x| &lt; 0.75 by its Taylor series x³/3 − 2x⁵/15 + 17x⁷/315 − … (13 terms,
    /// relative truncation error below 5e-9), which avoids the cancellation of x − tanh(x) near 0.
    /// f'(x) = tanh²(x) (beyond 0.75 computed as 1 − (1 − tanh²(x))).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("abs(x) < 0.75 ? x^3 * (0.3333333333333333 + x^2 * (-0.13333333333333333 + x^2 * (0.05396825396825397 + x^2 * (-0.021869488536155203 + x^2 * (0.008863235529902197 + x^2 * (-0.003592128036572481 + x^2 * (0.0014558343870513183 + x^2 * (-0.000590027440945586 + x^2 * (0.00023912911424355248 + x^2 * (-9.691537956929451e-05 + x^2 * (3.927832388331683e-05 + x^2 * (-1.5918905069328964e-05 + x^2 * (6.451689215655431e-06))))))))))))) : x - tanh(x)")]
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
