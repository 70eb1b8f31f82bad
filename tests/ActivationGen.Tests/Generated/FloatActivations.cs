using ActivationGen;

namespace ActivationGen.Tests.Generated;

/// <summary>The numeric-test declarations over <c>float</c>; <see cref="DoubleActivations"/> declares the same formulas over <c>double</c>.</summary>
public sealed partial class FloatActivations : IActivations<float>
{
    [Activation("x * sigmoid(beta * x)")]
    public static partial float Swish(float x, [Trainable] float beta);

    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial float Elu(float x, [Param] float alpha = 1);

    [Activation("tanh(x) * sigmoid(h)")]
    public static partial float Gated(float x, float h);

    [Activation("x * h + c / (1 + h^2) - log1p(c^2) * atan(x)")]
    public static partial float Mix3(float x, float h, float c);

    [Activation("0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))")]
    public static partial float GeluTanh(float x);

    [Activation("0.5 * x * (1 + erf(x / sqrt(2)))")]
    public static partial float GeluErf(float x);

    [Activation("x * tanh(softplus(x))")]
    public static partial float Mish(float x);

    [Activation("x + sin(freq * x)^2 / freq")]
    public static partial float Snake(float x, [Trainable] float freq);

    [Activation("x^-2 + x^2.5 - x^0.5 + 2^x^0.5 - -x^2")]
    public static partial float Powers(float x);

    [Activation("x^9 + x^-3 - x^3 + (-x)^2")]
    public static partial float IntPowers(float x);

    [Activation("pow(x, h) + pow(h + 2, 0.5 * x)")]
    public static partial float PowInputs(float x, float h);

    [Activation("pow(x, p) + p^x")]
    public static partial float PowTrainable(float x, [Trainable] float p);

    [Activation("log(x) + exp(-x) + expm1(x / 2) - log1p(x) + log(1 + x^2)")]
    public static partial float Logs(float x);

    [Activation("log(1 + exp(x)) + 1 / (1 + exp(-x)) + (exp(x) - 1) + exp(x) / (1 + exp(x))")]
    public static partial float Stabilized(float x);

    [Activation("sin(x) * cos(2 * x) + tan(x / 2) + atan(3 * x)")]
    public static partial float Trig(float x);

    [Activation("abs(x) + sign(x - 0.5) * x + abs(x)^1.5")]
    public static partial float AbsSign(float x);

    [Activation("max(x, 0) + min(x, h) - clamp(x, -1, 1) + max(h, 2 * x)")]
    public static partial float MinMaxClamp(float x, float h);

    [Activation("2 * clamp(x, lo, hi) + lo * hi")]
    public static partial float Clamped(float x, [Trainable] float lo, [Trainable] float hi);

    [Activation("x < h ? x * h : (x >= 1 && h <= 0.5 ? sin(x) : (x > 2 || !(h >= -0.5) ? exp(-x) : 0.5 * x))")]
    public static partial float Branches(float x, float h);

    [Activation("k == 1 ? x^2 : (k != 2 ? -x : 3 * x)")]
    public static partial float Equality(float x, float k);

    [Activation("e * x + pi * x^2 + e^x - 1e-3 / (1 + x^2)")]
    public static partial float Constants(float x);

    [Activation("scale * sqrt(a * x^2 + eps) - b * softplus(x / b)")]
    public static partial float Smooth(float x, [Trainable] float a, [Param] float eps, [Trainable] float b, [Param] float scale = 2);

    [Activation("x * tanh(softplus(a * x)) * sigmoid(b * h) + c * erf(x * h) / (1 + abs(c))")]
    public static partial float Deep3(float x, float h, float c, [Trainable] float a, [Trainable] float b);

    [Activation("a * x + b")]
    public static partial float Affine(float x, [Trainable] float a, [Trainable] float b);

    [Activation("x > 0 ? log(x) : x")]
    public static partial float LogBranch(float x);

    [Activation("log(sigmoid(x)) + log(exp(x) + 1) + log(exp(0.5 * x)) + exp(x) / (exp(x) + 1) - (-1 + exp(x))")]
    public static partial float Rewrites(float x);

    // Parameter names that the generated code also uses for its own spans, locals and gradients.
    [Activation("last * width + i * block + sin(xRef) * dy")]
    public static partial float Hygiene(float last, float width, float xRef, [Param] float i, [Trainable] float block, [Trainable] float dy);
}
