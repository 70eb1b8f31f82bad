using System;
using static ActivationGen.Tests.Catalog.ReferenceMath;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Hand-written double references of every catalog entry and its derivative, from the textbook definitions
/// (not from the catalog's formulas), with PyTorch's convention at each kink. Written to stay accurate and
/// finite over the whole float range, so they can judge both the ulp error and the stability of the kernels.
/// </summary>
internal static class References
{
    public const double SeluAlpha = 1.6732632423543772848170429916717;
    public const double SeluScale = 1.0507009873554804934193349852946;
    private static readonly double GeluTanhC = Math.Sqrt(2 / Math.PI);

    public static double Relu(double x) => x > 0 ? x : 0;
    public static double ReluD(double x) => x > 0 ? 1 : 0;

    public static double Relu6(double x) => Math.Min(Math.Max(x, 0), 6);
    public static double Relu6D(double x) => x > 0 && x < 6 ? 1 : 0;

    public static double LeakyRelu(double x, double slope) => x > 0 ? x : slope * x;
    public static double LeakyReluD(double x, double slope) => x > 0 ? 1 : slope;

    public static double Elu(double x, double alpha) => x > 0 ? x : alpha * Expm1(x);
    public static double EluD(double x, double alpha) => x > 0 ? 1 : alpha * Math.Exp(x);

    public static double Selu(double x) => SeluScale * (x > 0 ? x : SeluAlpha * Expm1(x));
    public static double SeluD(double x) => SeluScale * (x > 0 ? 1 : SeluAlpha * Math.Exp(x));

    public static double Celu(double x, double alpha) => x > 0 ? x : alpha * Expm1(x / alpha);
    public static double CeluD(double x, double alpha) => x > 0 ? 1 : Math.Exp(x / alpha);

    public static double Gelu(double x) => x * Phi(x);
    public static double GeluD(double x) => Phi(x) + x * Density(x);

    // 0.5·x·(1 + tanh u) = x·σ(2u): the same function, without cancellation, in double.
    private static double GeluTanhU(double x) => GeluTanhC * (x + 0.044715 * x * x * x);
    public static double GeluTanh(double x) => x * Sigmoid(2 * GeluTanhU(x));
    public static double GeluTanhD(double x)
    {
        double u = GeluTanhU(x), du = GeluTanhC * (1 + 3 * 0.044715 * x * x);
        double s = Sigmoid(2 * u);
        // x·σ'(2u)·2u', with σ' = σ(2u)σ(−2u); the product is 0 where σ underflows, before du can overflow.
        double ds = s * Sigmoid(-2 * u);
        return s + (ds == 0 ? 0 : x * ds * 2 * du);
    }

    public static double Silu(double x) => x * Sigmoid(x);
    public static double SiluD(double x) => Sigmoid(x) * (1 + x * Sigmoid(-x));

    public static double Swish(double x, double beta) => x * Sigmoid(beta * x);
    public static double SwishD(double x, double beta) => Sigmoid(beta * x) * (1 + beta * x * Sigmoid(-beta * x));
    public static double SwishDBeta(double x, double beta) => x * x * Sigmoid(beta * x) * Sigmoid(-beta * x);

    public static double Mish(double x) => x * Math.Tanh(ReferenceMath.Softplus(x));
    public static double MishD(double x) => Math.Tanh(ReferenceMath.Softplus(x)) + x * Sech2(ReferenceMath.Softplus(x)) * Sigmoid(x);

    public static double Softplus(double x, double beta, double threshold) => x * beta > threshold ? x : ReferenceMath.Softplus(beta * x) / beta;
    public static double SoftplusD(double x, double beta, double threshold) => x * beta > threshold ? 1 : Sigmoid(beta * x);

    public static double Softsign(double x) => x / (1 + Math.Abs(x));
    public static double SoftsignD(double x) => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x)));

    public static double HardTanh(double x, double min, double max) => x <= min ? min : x >= max ? max : x;
    public static double HardTanhD(double x, double min, double max) => x > min && x < max ? 1 : 0;

    public static double HardSigmoid(double x) => x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5;
    public static double HardSigmoidD(double x) => x > -3 && x < 3 ? 1.0 / 6 : 0;

    public static double HardSwish(double x) => x <= -3 ? 0 : x >= 3 ? x : x * (x + 3) / 6;
    public static double HardSwishD(double x) => x <= -3 ? 0 : x >= 3 ? 1 : x / 3 + 0.5;

    public static double LogSigmoid(double x) => -ReferenceMath.Softplus(-x);
    public static double LogSigmoidD(double x) => Sigmoid(-x);

    public static double SigmoidD(double x) => Sigmoid(x) * Sigmoid(-x);

    public static double TanhD(double x) => Sech2(x);

    public static double TanhShrink(double x)
    {
        if (Math.Abs(x) >= 0.1)
            return x - Math.Tanh(x);
        // x − tanh x = x³/3 − 2x⁵/15 + 17x⁷/315 − 62x⁹/2835 + 1382x¹¹/155925 − 21844x¹³/6081075.
        double x2 = x * x;
        return x * x2 * (1.0 / 3 + x2 * (-2.0 / 15 + x2 * (17.0 / 315 + x2 * (-62.0 / 2835 + x2 * (1382.0 / 155925 + x2 * (-21844.0 / 6081075))))));
    }
    public static double TanhShrinkD(double x) => Math.Tanh(x) * Math.Tanh(x);

    public static double SoftShrink(double x, double lambda) => x > lambda ? x - lambda : x < -lambda ? x + lambda : 0;
    public static double SoftShrinkD(double x, double lambda) => x > lambda || x < -lambda ? 1 : 0;

    public static double HardShrink(double x, double lambda) => x > lambda || x < -lambda ? x : 0;
    public static double HardShrinkD(double x, double lambda) => x > lambda || x < -lambda ? 1 : 0;

    public static double PRelu(double x, double a) => x > 0 ? x : a * x;
    public static double PReluD(double x, double a) => x > 0 ? 1 : a;
    public static double PReluDA(double x, double a) => x > 0 ? 0 : x;

    public static double Threshold(double x, double threshold, double value) => x > threshold ? x : value;
    public static double ThresholdD(double x, double threshold, double value) => x > threshold ? 1 : 0;

    public static double Squareplus(double x, double b)
    {
        double s = Math.Sqrt(x * x + b);
        return x >= 0 ? 0.5 * (x + s) : 0.5 * b / (s - x);
    }
    public static double SquareplusD(double x, double b)
    {
        double s = Math.Sqrt(x * x + b);
        // (1 + x/s)/2, and for x < 0 the same as b / (2 s (s − x)) without cancellation.
        return x >= 0 ? 0.5 * (1 + x / s) : 0.5 * b / (s * (s - x));
    }

    public static double Snake(double x, double a) => x + Math.Sin(a * x) * Math.Sin(a * x) / a;
    // 1 + sin(2t), t = a·x, as 2·sin²(d) with d = t − m·π/4 the distance to the nearest root, m = 4k − 1: near a
    // root, 1 + sin(2t) in double cancels to noise or to exactly 0 where the float kernel's result is ~1e-8 (the
    // exhaustive audit measured 4.3e37 ulp against that 0). π/4 in three parts, the first two of 24 bits so that
    // m times each is exact while |t| < 1e8 (beyond, outside every measured range, the plain form).
    public static double SnakeD(double x, double a)
    {
        double t = a * x;
        if (Math.Abs(t) >= 1e8)
            return 1 + Math.Sin(2 * t);
        double m = 4 * Math.Round((t + Math.PI / 4) / Math.PI) - 1;
        double s = Math.Sin(t - m * PiOver4High - m * PiOver4Middle - m * PiOver4Low);
        return 2 * s * s;
    }
    private const double PiOver4High = 0.7853981852531433, PiOver4Middle = -2.1855694143368964e-08, PiOver4Low = -8.575622497214414e-16;
    public static double SnakeDA(double x, double a) => x * Math.Sin(2 * a * x) / a - Math.Sin(a * x) * Math.Sin(a * x) / (a * a);

    public static double ScaledTanh(double x) => 1.7159 * Math.Tanh(2 * x / 3);
    public static double ScaledTanhD(double x) => 1.7159 * 2 / 3 * Sech2(2 * x / 3);

    public static double Lisht(double x) => x * Math.Tanh(x);
    public static double LishtD(double x) => Math.Tanh(x) + x * Sech2(x);

    public static double LogCosh(double x)
    {
        double a = Math.Abs(x);
        if (a > 1)
            return a + Log1p(Math.Exp(-2 * a)) - Ln2;
        // cosh x − 1 = 2 sinh²(x/2), with no cancellation near 0.
        double s = Math.Sinh(a / 2);
        return Log1p(2 * s * s);
    }
    public static double LogCoshD(double x) => Math.Tanh(x);
}
