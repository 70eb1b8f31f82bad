using System;
using System.Collections.Generic;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Catalog names a formula may call although they are not primitive functions: each expands, while binding,
/// into the textbook formula (which the rewriter then makes stable), so <c>gelu(beta * x)</c> is
/// <c>0.5·u·(1 + erf(u/√2))</c> with u = beta·x. Names that need parameters get a suggestion of the formula.
/// </summary>
internal static class Sugar
{
    private static readonly double RootTwo = Math.Sqrt(2);

    public static readonly IReadOnlyDictionary<string, Func<Expr, Expr>> Expansions = new Dictionary<string, Func<Expr, Expr>>(StringComparer.Ordinal)
    {
        ["relu"] = u => Trees.Select(Trees.Compare(Op.Greater, u, Trees.Zero), u, Trees.Zero),
        ["silu"] = u => Trees.Multiply(u, Trees.Call(Op.Sigmoid, u)),
        ["swish"] = u => Trees.Multiply(u, Trees.Call(Op.Sigmoid, u)),
        ["mish"] = u => Trees.Multiply(u, Trees.Call(Op.Tanh, Trees.Call(Op.Softplus, u))),
        ["gelu"] = u => Trees.Multiply(Trees.Multiply(Trees.Num(0.5), u), Trees.Add(Trees.One, Trees.Call(Op.Erf, Trees.Divide(u, Trees.Num(RootTwo))))),
        ["logsigmoid"] = u => Trees.Call(Op.Log, Trees.Call(Op.Sigmoid, u)),
        ["softsign"] = u => Trees.Divide(u, Trees.Add(Trees.One, Trees.Call(Op.Abs, u))),
    };

    /// <summary>What to write for the catalog names that take hyperparameters.</summary>
    public static readonly IReadOnlyDictionary<string, string> Suggestions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["elu"] = "x > 0 ? x : alpha * (exp(x) - 1)",
        ["selu"] = "1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (exp(x) - 1))",
        ["celu"] = "x > 0 ? x : alpha * (exp(x / alpha) - 1)",
        ["leakyrelu"] = "x > 0 ? x : slope * x",
        ["leaky_relu"] = "x > 0 ? x : slope * x",
        ["prelu"] = "x > 0 ? x : a * x",
        ["relu6"] = "x <= 0 ? 0 : (x >= 6 ? 6 : x)",
        ["hardtanh"] = "x <= min ? min : (x >= max ? max : x)",
        ["hardsigmoid"] = "x <= -3 ? 0 : (x >= 3 ? 1 : (x + 3) / 6)",
        ["hardswish"] = "x <= -3 ? 0 : (x >= 3 ? x : x * (x + 3) / 6)",
        ["gelutanh"] = "0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))",
        ["gelu_tanh"] = "0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))",
        ["softshrink"] = "x > lambda ? x - lambda : (x < -lambda ? x + lambda : 0)",
        ["hardshrink"] = "abs(x) > lambda ? x : 0",
        ["threshold"] = "x > threshold ? x : value",
        ["tanhshrink"] = "x - tanh(x)",
        ["squareplus"] = "(x + sqrt(x^2 + b)) / 2",
        ["cosh"] = "(exp(x) + exp(-x)) / 2",
        ["sinh"] = "(exp(x) - exp(-x)) / 2",
        ["ln"] = "log(x)",
        ["pow2"] = "x^2",
    };
}
