namespace ActivationGen;

/// <summary>
/// Fast approximations of the sigmoid and tanh, declared by formula like the catalog (so each has the whole
/// generated API), for when speed or quantization matters more than accuracy. Each states the maximum
/// absolute error against the exact function, measured over every float by a test and listed in docs/catalog.md.
/// </summary>
/// <remarks>
/// These are separate from <see cref="Activations"/> on purpose: an entry of the catalog is at parity with
/// PyTorch, an entry here is not. The derivatives are those of the approximations themselves (a clamp passes
/// the gradient on its closed interval), except for <see cref="QuantizedSigmoid(float)"/>, whose rounding has
/// the straight-through derivative of quantization-aware training.
/// </remarks>
public static partial class ApproximateActivations
{
    /// <summary>Hard sigmoid with the minimax slope: max |f − σ| ≤ 0.0562 (PyTorch's slope 1/6 gives 0.0692).</summary>
    /// <remarks>f(x) = clamp(0.177·x + 0.5, 0, 1). f'(x) = 0.177 on the closed interval |x| ≤ 0.5/0.177, else 0.</remarks>
    /// <param name="x">The input.</param>
    [Activation("clamp(0.177 * x + 0.5, 0, 1)")]
    public static partial float HardSigmoid(float x);

    /// <summary>Piecewise-linear tanh through tanh's values at 0, ±0.5, ±1, ±1.5, ±2, ±3, constant beyond ±3: max |f − tanh| ≤ 0.0233.</summary>
    /// <remarks>
    /// f(x) = Σᵢ dᵢ·clamp(x, −kᵢ, kᵢ) over the knots kᵢ = 0.5, 1, 1.5, 2, 3, with dᵢ the drop in slope at kᵢ (the
    /// interpolation slopes are 0.92423, 0.59895, 0.28711, 0.11776, 0.03103, then 0). f' is that slope
    /// (at a knot, the slope of the segment nearer 0).
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("0.32528031712850924 * clamp(x, -0.5, 0.5) + 0.31184580201330714 * clamp(x, -1, 1) + 0.16934954251630208 * clamp(x, -1.5, 1.5) + 0.08673147925098745 * clamp(x, -2, 2) + 0.03102717361091356 * clamp(x, -3, 3)")]
    public static partial float PiecewiseTanh(float x);

    /// <summary>Rational tanh: the [7/6] Padé approximant of Lambert's continued fraction, clamped: max |f − tanh| ≤ 1e-4.</summary>
    /// <remarks>
    /// f(x) = clamp(c·(135135 + 17325c² + 378c⁴ + c⁶) / (135135 + 62370c² + 3150c⁴ + 28c⁶), −1, 1) with
    /// c = clamp(x, −5, 5) (the clamp keeps c⁶ finite). f' is the derivative of the rational function where the
    /// result is inside [−1, 1] and |x| ≤ 5, else 0.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("clamp(clamp(x, -5, 5) * (135135 + clamp(x, -5, 5)^2 * (17325 + clamp(x, -5, 5)^2 * (378 + clamp(x, -5, 5)^2))) / (135135 + clamp(x, -5, 5)^2 * (62370 + clamp(x, -5, 5)^2 * (3150 + 28 * clamp(x, -5, 5)^2))), -1, 1)")]
    public static partial float RationalTanh(float x);

    /// <summary>Sigmoid quantized to 8 bits (the 256 levels k/255): max |f − σ| ≤ 0.5/255 + 1e-7 ≈ 0.00196.</summary>
    /// <remarks>
    /// f(x) = round(255·σ(x)) / 255, the rounding written as c − (c − v) with c = 1.5·2²³: c − v rounds to an integer
    /// in float arithmetic (ties to even) and the outer subtraction is exact. (Not (v + c) − c, which the generator
    /// simplifies to v.) This formula is meant for <c>float</c> only.
    /// f'(x) = σ(x)(1 − σ(x)): the rounding passes the gradient straight through, as in quantization-aware training.
    /// </remarks>
    /// <param name="x">The input.</param>
    [Activation("(12582912 - (12582912 - 255 * sigmoid(x))) / 255")]
    public static partial float QuantizedSigmoid(float x);
}
