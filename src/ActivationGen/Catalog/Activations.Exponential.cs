namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Exponential linear unit. PyTorch: <c>F.elu(x, alpha)</c>.</summary>
    /// <remarks>f(x) = x &gt; 0 ? x : α·(eˣ − 1) (computed with expm1). f'(x) = x &gt; 0 ? 1 : α·eˣ, so f'(0) = α as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value −α for x → −∞.</param>
    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial float Elu(float x, [Param] float alpha = 1f);

    /// <summary>Scaled ELU with the self-normalizing constants of Klambauer et al. (2017). PyTorch: <c>F.selu(x)</c>.</summary>
    /// <remarks>
    /// f(x) = λ·(x &gt; 0 ? x : α·(eˣ − 1)) with α = 1.6732632423543772848170429916717 and
    /// λ = 1.0507009873554804934193349852946. f'(x) = x &gt; 0 ? λ : λα·eˣ, so f'(0) = λα ≈ 1.7581 as in PyTorch.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x > 0 ? 1.0507009873554804934193349852946 * x : 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717 * (exp(x) - 1)")]
    public static partial float Selu(float x);

    /// <summary>Continuously differentiable ELU. PyTorch: <c>F.celu(x, alpha)</c>.</summary>
    /// <remarks>f(x) = x &gt; 0 ? x : α·(e^(x/α) − 1). f'(x) = x &gt; 0 ? 1 : e^(x/α), so f'(0) = 1 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="alpha">The saturation value −α for x → −∞; must not be 0.</param>
    [Activation("x > 0 ? x : alpha * (exp(x / alpha) - 1)")]
    public static partial float Celu(float x, [Param] float alpha = 1f);

    /// <summary>Softplus with PyTorch's scale and linear threshold. PyTorch: <c>F.softplus(x, beta, threshold)</c>.</summary>
    /// <remarks>
    /// f(x) = β·x &gt; threshold ? x : log(1 + e^(β·x)) / β (a stable softplus). f'(x) = β·x &gt; threshold ? 1 : σ(β·x).
    /// Like PyTorch, the function reverts to the identity strictly above the threshold.
    /// </remarks>
    /// <param name="x">The input.</param>
    /// <param name="beta">The sharpness β.</param>
    /// <param name="threshold">Above β·x &gt; threshold the result is x.</param>
    [Activation("x * beta > threshold ? x : softplus(beta * x) / beta")]
    public static partial float Softplus(float x, [Param] float beta = 1f, [Param] float threshold = 20f);
}
