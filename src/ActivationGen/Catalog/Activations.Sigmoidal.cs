namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Logistic sigmoid. PyTorch: <c>torch.sigmoid(x)</c>.</summary>
    /// <remarks>f(x) = σ(x) = 1 / (1 + e^−x), without overflow for any x. f'(x) = σ(x)·σ(−x) (no cancellation where σ is near 1; f'(20) = 2.1e-9).</remarks>
    /// <param name="x">The input.</param>
    [Activation("sigmoid(x)")]
    public static partial float Sigmoid(float x);

    /// <summary>Hyperbolic tangent. PyTorch: <c>torch.tanh(x)</c>.</summary>
    /// <remarks>f(x) = tanh(x). f'(x) = 1 − tanh²(x), computed as 4e^(−2|x|)/(1 + e^(−2|x|))² (f'(10) = 8.2e-9, not 0).</remarks>
    /// <param name="x">The input.</param>
    [Activation("tanh(x)")]
    public static partial float Tanh(float x);

    /// <summary>Log of the sigmoid. PyTorch: <c>F.logsigmoid(x)</c>.</summary>
    /// <remarks>
    /// f(x) = log σ(x), which the generator rewrites as −softplus(−x) = −log(1 + e^−x). f'(x) = σ(−x), and from the
    /// output y, −expm1(y) (exact in terms of y: σ(−x) = 1 − σ(x) = 1 − e^y).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("log(sigmoid(x))")]
    public static partial float LogSigmoid(float x);

    /// <summary>Piecewise-linear sigmoid. PyTorch: <c>F.hardsigmoid(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x ≤ −3 ? 0 : (x ≥ 3 ? 1 : (x + 3) / 6). f'(x) = 1/6 on the open interval (−3, 3), else 0:
    /// f'(±3) = 0 as in PyTorch.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x <= -3 ? 0 : (x >= 3 ? 1 : (x + 3) / 6)")]
    public static partial float HardSigmoid(float x);

    /// <summary>x times the hard sigmoid (MobileNetV3). PyTorch: <c>F.hardswish(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x ≤ −3 ? 0 : (x ≥ 3 ? x : x·(x + 3) / 6). f'(x) = x ≤ −3 ? 0 : (x ≥ 3 ? 1 : x/3 + 1/2):
    /// f'(−3) = 0 and f'(3) = 1 as in PyTorch.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("x <= -3 ? 0 : (x >= 3 ? x : x * (x + 3) / 6)")]
    public static partial float HardSwish(float x);

    /// <summary>Softsign. PyTorch: <c>F.softsign(x)</c>.</summary>
    /// <remarks>
    /// f(x) = x / (1 + |x|), written for |x| ≥ 1 as sign(x)·(1 − 1/(1 + |x|)) so that the derivative
    /// f'(x) = 1 / (1 + |x|)² keeps its relative accuracy for large |x|. f'(0) = 1.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("abs(x) < 1 ? x / (1 + abs(x)) : sign(x) * (1 - 1 / (1 + abs(x)))")]
    public static partial float Softsign(float x);

    /// <summary>The tanh of LeCun et al. (1998), scaled so that f(±1) ≈ ±1.</summary>
    /// <remarks>f(x) = 1.7159·tanh(2x/3). f'(x) = 1.7159·(2/3)·(1 − tanh²(2x/3)). No PyTorch function (write <c>1.7159 * torch.tanh(2 * x / 3)</c>).</remarks>
    /// <param name="x">The input.</param>
    [Activation("1.7159 * tanh(2 * x / 3)")]
    public static partial float ScaledTanh(float x);

    /// <summary>Linearly scaled hyperbolic tangent (LiSHT). No PyTorch function (write <c>x * torch.tanh(x)</c>).</summary>
    /// <remarks>f(x) = x·tanh(x). f'(x) = tanh(x) + x·(1 − tanh²(x)), with tanh′ in its stable form.</remarks>
    /// <param name="x">The input.</param>
    [Activation("x * tanh(x)")]
    public static partial float Lisht(float x);

    /// <summary>Log of the hyperbolic cosine, stable for every x. No PyTorch function (write <c>torch.log(torch.cosh(x))</c>, which overflows beyond |x| ≈ 710).</summary>
    /// <remarks>
    /// f(x) = log cosh x, computed as log1p(expm1(x)² / (2eˣ)) for |x| &lt; 1 (no cancellation near 0) and as
    /// |x| + softplus(−2|x|) − log 2 beyond (no overflow). f'(x) = tanh(x).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("abs(x) < 1 ? log1p(expm1(x)^2 / (2 * exp(x))) : abs(x) + softplus(-2 * abs(x)) - log(2)")]
    public static partial float LogCosh(float x);
}
