using System;

namespace ActivationGen.Generator.Formula;

/// <summary>Double-precision meaning of each operation; used to fold constants. Truth values are 1 and 0.</summary>
internal static class Evaluate
{
    public static double Apply(Op op, double[] a) => op switch
    {
        Op.Add => a[0] + a[1],
        Op.Subtract => a[0] - a[1],
        Op.Multiply => a[0] * a[1],
        Op.Divide => a[0] / a[1],
        Op.Negate => -a[0],
        Op.Power => Math.Pow(a[0], a[1]),
        Op.Less => Truth(a[0] < a[1]),
        Op.LessOrEqual => Truth(a[0] <= a[1]),
        Op.Greater => Truth(a[0] > a[1]),
        Op.GreaterOrEqual => Truth(a[0] >= a[1]),
        Op.Equal => Truth(a[0] == a[1]),
        Op.NotEqual => Truth(a[0] != a[1]),
        Op.And => Truth(a[0] != 0 && a[1] != 0),
        Op.Or => Truth(a[0] != 0 || a[1] != 0),
        Op.Not => Truth(a[0] == 0),
        Op.Select => a[0] != 0 ? a[1] : a[2],
        Op.Exp => Math.Exp(a[0]),
        Op.Log => Math.Log(a[0]),
        Op.Log1p => Log1p(a[0]),
        Op.Expm1 => Expm1(a[0]),
        Op.Sqrt => Math.Sqrt(a[0]),
        Op.Abs => Math.Abs(a[0]),
        Op.Sign => double.IsNaN(a[0]) ? double.NaN : Math.Sign(a[0]),
        Op.Min => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
        Op.Max => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
        Op.Clamp => double.IsNaN(a[0]) ? double.NaN : Math.Min(Math.Max(a[0], a[1]), a[2]),
        Op.Sin => Math.Sin(a[0]),
        Op.Cos => Math.Cos(a[0]),
        Op.Tan => Math.Tan(a[0]),
        Op.Tanh => Math.Tanh(a[0]),
        Op.Sigmoid => a[0] >= 0 ? 1 / (1 + Math.Exp(-a[0])) : Math.Exp(a[0]) / (1 + Math.Exp(a[0])),
        Op.Softplus => Math.Max(a[0], 0) + Log1p(Math.Exp(-Math.Abs(a[0]))),
        Op.Erf => Erf(a[0]),
        Op.Atan => Math.Atan(a[0]),
        Op.MultiplyAdd => a[0] * a[1] + a[2],
        Op.TanhSoftplus => Math.Tanh(Math.Max(a[0], 0) + Log1p(Math.Exp(-Math.Abs(a[0])))),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    /// <summary>Evaluates a tree in double, with <paramref name="values"/> for its variables.</summary>
    public static double Tree(Expr e, System.Collections.Generic.IReadOnlyDictionary<string, double> values) => e switch
    {
        Num n => n.Value,
        Var v => values[v.Name],
        Apply a => Apply(a.Op, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(a.Args, x => Tree(x, values)))),
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
    };

    private static double Truth(bool value) => value ? 1 : 0;

    private static double Log1p(double x) => Math.Abs(x) < 1e-4 ? x * (1 - x * (0.5 - x / 3)) : Math.Log(1 + x);

    private static double Expm1(double x) => Math.Abs(x) < 1e-5 ? x * (1 + x * (0.5 + x / 6)) : Math.Exp(x) - 1;

    // Maclaurin series near zero, Laplace continued fraction for erfc in the tails: ample for constant folding.
    private static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        double ax = Math.Abs(x);
        if (ax < 2.5)
        {
            double term = ax, sum = ax, x2 = ax * ax;
            for (int n = 1; n < 100 && Math.Abs(term) > 1e-17 * sum; n++)
            {
                term *= -x2 / n;
                sum += term / (2 * n + 1);
            }
            return Math.Sign(x) * sum * 2 / Math.Sqrt(Math.PI);
        }
        double fraction = 0;
        for (int n = 60; n >= 1; n--)
            fraction = n / 2.0 / (ax + fraction);
        double erfc = Math.Exp(-ax * ax) / Math.Sqrt(Math.PI) / (ax + fraction);
        return Math.Sign(x) * (1 - erfc);
    }
}
