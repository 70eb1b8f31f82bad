namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Rectified linear unit. PyTorch: <c>F.relu(x)</c>.</summary>
    /// <remarks>f(x) = max(x, 0) = x &gt; 0 ? x : 0. f'(x) = x &gt; 0 ? 1 : 0, so f'(0) = 0 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    [Activation("x > 0 ? x : 0")]
    public static partial float Relu(float x);

    /// <summary>ReLU capped at 6. PyTorch: <c>F.relu6(x)</c>.</summary>
    /// <remarks>f(x) = min(max(x, 0), 6). f'(x) = 1 on the open interval (0, 6), else 0: f'(0) = f'(6) = 0 as in PyTorch (hardtanh(x, 0, 6)).</remarks>
    /// <param name="x">The input.</param>
    [Activation("x <= 0 ? 0 : (x >= 6 ? 6 : x)")]
    public static partial float Relu6(float x);

    /// <summary>Leaky ReLU. PyTorch: <c>F.leaky_relu(x, slope)</c>.</summary>
    /// <remarks>f(x) = x &gt; 0 ? x : slope·x. f'(x) = x &gt; 0 ? 1 : slope, so f'(0) = slope as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="slope">The slope for x ≤ 0 (PyTorch's negative_slope).</param>
    [Activation("x > 0 ? x : slope * x")]
    public static partial float LeakyRelu(float x, [Param] float slope = 0.01f);

    /// <summary>Parametric ReLU with one learnable slope. PyTorch: <c>F.prelu(x, a)</c> / <c>nn.PReLU()</c>.</summary>
    /// <remarks>f(x) = x &gt; 0 ? x : a·x. ∂f/∂x = x &gt; 0 ? 1 : a (so f'(0) = a as in PyTorch); ∂f/∂a = x &gt; 0 ? 0 : x.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="a">The learnable slope for x ≤ 0 (PyTorch's initial value 0.25).</param>
    [Activation("x > 0 ? x : a * x")]
    public static partial float PRelu(float x, [Trainable] float a = 0.25f);

    /// <summary>Hard hyperbolic tangent: the identity clipped to [min, max]. PyTorch: <c>F.hardtanh(x, min, max)</c>.</summary>
    /// <remarks>f(x) = x ≤ min ? min : (x ≥ max ? max : x). f'(x) = 1 on the open interval (min, max), else 0: f'(±1) = 0 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="min">The lower bound (PyTorch's min_val).</param>
    /// <param name="max">The upper bound (PyTorch's max_val).</param>
    [Activation("x <= min ? min : (x >= max ? max : x)")]
    public static partial float HardTanh(float x, [Param] float min = -1f, [Param] float max = 1f);

    /// <summary>Threshold: x above the threshold, a constant at and below it. PyTorch: <c>F.threshold(x, threshold, value)</c>.</summary>
    /// <remarks>f(x) = x &gt; threshold ? x : value. f'(x) = x &gt; threshold ? 1 : 0, so f'(threshold) = 0 as in PyTorch.</remarks>
    /// <param name="x">The input.</param>
    /// <param name="threshold">Inputs at or below it are replaced.</param>
    /// <param name="value">The replacement.</param>
    [Activation("x > threshold ? x : value")]
    public static partial float Threshold(float x, [Param] float threshold, [Param] float value);
}
