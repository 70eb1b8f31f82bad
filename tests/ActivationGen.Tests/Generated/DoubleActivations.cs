using ActivationGen;

namespace ActivationGen.Tests.Generated;

/// <summary>The numeric-test declarations over <c>double</c>; <see cref="FloatActivations"/> declares the same formulas over <c>float</c>.</summary>
public sealed partial class DoubleActivations : IActivations<double>
{
    [Activation("x * sigmoid(beta * x)")]
    public static partial double Swish(double x, [Trainable] double beta);

    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial double Elu(double x, [Param] double alpha = 1);

    [Activation("tanh(x) * sigmoid(h)")]
    public static partial double Gated(double x, double h);

    [Activation("x * h + c / (1 + h^2) - log1p(c^2) * atan(x)")]
    public static partial double Mix3(double x, double h, double c);

    [Activation("0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))")]
    public static partial double GeluTanh(double x);

    [Activation("0.5 * x * (1 + erf(x / sqrt(2)))")]
    public static partial double GeluErf(double x);

    [Activation("x * tanh(softplus(x))")]
    public static partial double Mish(double x);

    [Activation("x + sin(freq * x)^2 / freq")]
    public static partial double Snake(double x, [Trainable] double freq);

    [Activation("x^-2 + x^2.5 - x^0.5 + 2^x^0.5 - -x^2")]
    public static partial double Powers(double x);

    [Activation("x^9 + x^-3 - x^3 + (-x)^2")]
    public static partial double IntPowers(double x);

    [Activation("pow(x, h) + pow(h + 2, 0.5 * x)")]
    public static partial double PowInputs(double x, double h);

    [Activation("pow(x, p) + p^x")]
    public static partial double PowTrainable(double x, [Trainable] double p);

    [Activation("log(x) + exp(-x) + expm1(x / 2) - log1p(x) + log(1 + x^2)")]
    public static partial double Logs(double x);

    [Activation("log(1 + exp(x)) + 1 / (1 + exp(-x)) + (exp(x) - 1) + exp(x) / (1 + exp(x))")]
    public static partial double Stabilized(double x);

    [Activation("sin(x) * cos(2 * x) + tan(x / 2) + atan(3 * x)")]
    public static partial double Trig(double x);

    [Activation("abs(x) + sign(x - 0.5) * x + abs(x)^1.5")]
    public static partial double AbsSign(double x);

    [Activation("max(x, 0) + min(x, h) - clamp(x, -1, 1) + max(h, 2 * x)")]
    public static partial double MinMaxClamp(double x, double h);

    [Activation("2 * clamp(x, lo, hi) + lo * hi")]
    public static partial double Clamped(double x, [Trainable] double lo, [Trainable] double hi);

    [Activation("x < h ? x * h : (x >= 1 && h <= 0.5 ? sin(x) : (x > 2 || !(h >= -0.5) ? exp(-x) : 0.5 * x))")]
    public static partial double Branches(double x, double h);

    [Activation("k == 1 ? x^2 : (k != 2 ? -x : 3 * x)")]
    public static partial double Equality(double x, double k);

    [Activation("e * x + pi * x^2 + e^x - 1e-3 / (1 + x^2)")]
    public static partial double Constants(double x);

    [Activation("scale * sqrt(a * x^2 + eps) - b * softplus(x / b)")]
    public static partial double Smooth(double x, [Trainable] double a, [Param] double eps, [Trainable] double b, [Param] double scale = 2);

    [Activation("x * tanh(softplus(a * x)) * sigmoid(b * h) + c * erf(x * h) / (1 + abs(c))")]
    public static partial double Deep3(double x, double h, double c, [Trainable] double a, [Trainable] double b);

    [Activation("a * x + b")]
    public static partial double Affine(double x, [Trainable] double a, [Trainable] double b);

    [Activation("x > 0 ? log(x) : x")]
    public static partial double LogBranch(double x);

    [Activation("log(sigmoid(x)) + log(exp(x) + 1) + log(exp(0.5 * x)) + exp(x) / (exp(x) + 1) - (-1 + exp(x))")]
    public static partial double Rewrites(double x);

    // Parameter names that the generated code also uses for its own spans, locals and gradients.
    [Activation("last * width + i * block + sin(xRef) * dy")]
    public static partial double Hygiene(double last, double width, double xRef, [Param] double i, [Trainable] double block, [Trainable] double dy);
}
