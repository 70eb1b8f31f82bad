using System;

namespace ActivationGen.Benchmarks;

/// <summary>The six activations and their derivatives in double precision: the reference of the check.</summary>
public static class References
{
    private const double K = 0.7978845608;
    private const double C = 0.044715;

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));
    public static double SigmoidDerivative(double x) { double s = Sigmoid(x); return s * (1 - s); }

    public static double Tanh(double x) => Math.Tanh(x);
    public static double TanhDerivative(double x) { double t = Math.Tanh(x); return 1 - t * t; }

    public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
    public static double SoftplusDerivative(double x) => Sigmoid(x);

    public static double Swish(double x) => x * Sigmoid(x);
    public static double SwishDerivative(double x) { double s = Sigmoid(x); return s + x * s * (1 - s); }

    public static double GeluTanh(double x) => 0.5 * x * (1 + Math.Tanh(K * (x + C * x * x * x)));
    public static double GeluTanhDerivative(double x)
    {
        double t = Math.Tanh(K * (x + C * x * x * x));
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * K * (1 + 3 * C * x * x);
    }

    public static double Mish(double x) => x * Math.Tanh(Softplus(x));
    public static double MishDerivative(double x)
    {
        double t = Math.Tanh(Softplus(x));
        return t + x * (1 - t * t) * Sigmoid(x);
    }
}
