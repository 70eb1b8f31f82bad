using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static ActivationGen.Tests.Generated.Reference;

namespace ActivationGen.Tests.Generated;

/// <summary>
/// Every declaration of <see cref="IActivations{T}"/> with its double reference, written again by hand from
/// the formula (not derived from it), the input ranges where it is defined, and its kinks.
/// </summary>
internal static class Catalog<T, TA>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TA : IActivations<T>
{
    /// <summary>Distance kept from every kink and branch switch: well beyond the finite-difference steps.</summary>
    private const double M = 0.02;

    private static bool Away(double a, double kink) => Math.Abs(a - kink) > M;

    public static readonly IReadOnlyList<Case<T>> All =
    [
        new()
        {
            Name = "Swish", Formula = "x * sigmoid(beta * x)",
            Inputs = [new("x", -8, 8)], Parameters = [new("beta", 1.25, true)],
            Reference = (x, p) => x[0] * Sigmoid(p[0] * x[0]),
            Scalar = (x, p) => TA.Swish(x[0], p[0]),
            Forward = (x, y, p) => TA.Swish(x[0].Span, y.Span, p[0]),
            Backward = (x, dy, dx, p) => TA.SwishBackward(x[0].Span, dy.Span, dx[0].Span, p[0]),
            BackwardSums = (x, dy, dx, p, s) => TA.SwishBackward(x[0].Span, dy.Span, dx[0].Span, p[0], out s[0]),
            Derivative = (x, p) => TA.SwishDerivative(x, p[0]),
            WithDerivative = (x, y, d, p) => TA.SwishWithDerivative(x[0].Span, y.Span, d.Span, p[0]),
        },
        new()
        {
            Name = "Elu", Formula = "x > 0 ? x : alpha * (exp(x) - 1)",
            Inputs = [new("x", -5, 5)], Parameters = [new("alpha", 1.5, false)],
            Reference = (x, p) => x[0] > 0 ? x[0] : p[0] * Expm1(x[0]),
            Smooth = (x, _) => Away(x[0], 0),
            Scalar = (x, p) => TA.Elu(x[0], p[0]),
            Forward = (x, y, p) => TA.Elu(x[0].Span, y.Span, p[0]),
            Backward = (x, dy, dx, p) => TA.EluBackward(x[0].Span, dy.Span, dx[0].Span, p[0]),
            Derivative = (x, p) => TA.EluDerivative(x, p[0]),
            WithDerivative = (x, y, d, p) => TA.EluWithDerivative(x[0].Span, y.Span, d.Span, p[0]),
        },
        new()
        {
            Name = "Gated", Formula = "tanh(x) * sigmoid(h)",
            Inputs = [new("x", -4, 4), new("h", -6, 6)],
            Reference = (x, _) => Math.Tanh(x[0]) * Sigmoid(x[1]),
            Scalar = (x, _) => TA.Gated(x[0], x[1]),
            Forward = (x, y, _) => TA.Gated(x[0].Span, x[1].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.GatedBackward(x[0].Span, x[1].Span, dy.Span, dx[0].Span, dx[1].Span),
        },
        new()
        {
            Name = "Mix3", Formula = "x * h + c / (1 + h^2) - log1p(c^2) * atan(x)",
            Inputs = [new("x", -3, 3), new("h", -3, 3), new("c", -2, 2)],
            Reference = (x, _) => x[0] * x[1] + x[2] / (1 + x[1] * x[1]) - Log1p(x[2] * x[2]) * Math.Atan(x[0]),
            Scalar = (x, _) => TA.Mix3(x[0], x[1], x[2]),
            Forward = (x, y, _) => TA.Mix3(x[0].Span, x[1].Span, x[2].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.Mix3Backward(x[0].Span, x[1].Span, x[2].Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span),
        },
        new()
        {
            Name = "GeluTanh", Formula = "0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3)))",
            Inputs = [new("x", -6, 6)],
            Reference = (x, _) => 0.5 * x[0] * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x[0] + 0.044715 * x[0] * x[0] * x[0]))),
            Scalar = (x, _) => TA.GeluTanh(x[0]),
            Forward = (x, y, _) => TA.GeluTanh(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.GeluTanhBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.GeluTanhDerivative(x),
            WithDerivative = (x, y, d, _) => TA.GeluTanhWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "GeluErf", Formula = "0.5 * x * (1 + erf(x / sqrt(2)))",
            Inputs = [new("x", -6, 6)],
            Reference = (x, _) => 0.5 * x[0] * (1 + Erf(x[0] / Math.Sqrt(2))),
            Scalar = (x, _) => TA.GeluErf(x[0]),
            Forward = (x, y, _) => TA.GeluErf(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.GeluErfBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.GeluErfDerivative(x),
            WithDerivative = (x, y, d, _) => TA.GeluErfWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "Mish", Formula = "x * tanh(softplus(x))",
            Inputs = [new("x", -8, 8)],
            Reference = (x, _) => x[0] * Math.Tanh(Softplus(x[0])),
            Scalar = (x, _) => TA.Mish(x[0]),
            Forward = (x, y, _) => TA.Mish(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.MishBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.MishDerivative(x),
            WithDerivative = (x, y, d, _) => TA.MishWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "Snake", Formula = "x + sin(freq * x)^2 / freq",
            Inputs = [new("x", -4, 4)], Parameters = [new("freq", 1.7, true)],
            Reference = (x, p) => x[0] + Math.Pow(Math.Sin(p[0] * x[0]), 2) / p[0],
            Scalar = (x, p) => TA.Snake(x[0], p[0]),
            Forward = (x, y, p) => TA.Snake(x[0].Span, y.Span, p[0]),
            Backward = (x, dy, dx, p) => TA.SnakeBackward(x[0].Span, dy.Span, dx[0].Span, p[0]),
            BackwardSums = (x, dy, dx, p, s) => TA.SnakeBackward(x[0].Span, dy.Span, dx[0].Span, p[0], out s[0]),
            Derivative = (x, p) => TA.SnakeDerivative(x, p[0]),
            WithDerivative = (x, y, d, p) => TA.SnakeWithDerivative(x[0].Span, y.Span, d.Span, p[0]),
        },
        new()
        {
            // Negative-integer, fractional and right-associative powers; unary minus looser than ^.
            Name = "Powers", Formula = "x^-2 + x^2.5 - x^0.5 + 2^x^0.5 - -x^2",
            Inputs = [new("x", 0.25, 3)],
            Reference = (x, _) => 1 / (x[0] * x[0]) + Math.Pow(x[0], 2.5) - Math.Sqrt(x[0]) + Math.Pow(2, Math.Sqrt(x[0])) + x[0] * x[0],
            Scalar = (x, _) => TA.Powers(x[0]),
            Forward = (x, y, _) => TA.Powers(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.PowersBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.PowersDerivative(x),
            WithDerivative = (x, y, d, _) => TA.PowersWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            // x^9 is past the exact-product expansion, so it goes through Pow with a negative base.
            Name = "IntPowers", Formula = "x^9 + x^-3 - x^3 + (-x)^2",
            Inputs = [new("x", -1.6, 1.6)],
            Reference = (x, _) => Math.Pow(x[0], 9) + 1 / (x[0] * x[0] * x[0]) - x[0] * x[0] * x[0] + x[0] * x[0],
            Smooth = (x, _) => Math.Abs(x[0]) > 0.5,
            Scalar = (x, _) => TA.IntPowers(x[0]),
            Forward = (x, y, _) => TA.IntPowers(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.IntPowersBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.IntPowersDerivative(x),
            WithDerivative = (x, y, d, _) => TA.IntPowersWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "PowInputs", Formula = "pow(x, h) + pow(h + 2, 0.5 * x)",
            Inputs = [new("x", 0.2, 3), new("h", -1.5, 1.5)],
            Reference = (x, _) => Math.Pow(x[0], x[1]) + Math.Pow(x[1] + 2, 0.5 * x[0]),
            Scalar = (x, _) => TA.PowInputs(x[0], x[1]),
            Forward = (x, y, _) => TA.PowInputs(x[0].Span, x[1].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.PowInputsBackward(x[0].Span, x[1].Span, dy.Span, dx[0].Span, dx[1].Span),
        },
        new()
        {
            Name = "PowTrainable", Formula = "pow(x, p) + p^x",
            Inputs = [new("x", 0.2, 3)], Parameters = [new("p", 1.3, true)],
            Reference = (x, p) => Math.Pow(x[0], p[0]) + Math.Pow(p[0], x[0]),
            Scalar = (x, p) => TA.PowTrainable(x[0], p[0]),
            Forward = (x, y, p) => TA.PowTrainable(x[0].Span, y.Span, p[0]),
            Backward = (x, dy, dx, p) => TA.PowTrainableBackward(x[0].Span, dy.Span, dx[0].Span, p[0]),
            BackwardSums = (x, dy, dx, p, s) => TA.PowTrainableBackward(x[0].Span, dy.Span, dx[0].Span, p[0], out s[0]),
            Derivative = (x, p) => TA.PowTrainableDerivative(x, p[0]),
            WithDerivative = (x, y, d, p) => TA.PowTrainableWithDerivative(x[0].Span, y.Span, d.Span, p[0]),
        },
        new()
        {
            Name = "Logs", Formula = "log(x) + exp(-x) + expm1(x / 2) - log1p(x) + log(1 + x^2)",
            Inputs = [new("x", 0.05, 5)],
            Reference = (x, _) => Math.Log(x[0]) + Math.Exp(-x[0]) + Expm1(x[0] / 2) - Log1p(x[0]) + Log1p(x[0] * x[0]),
            Scalar = (x, _) => TA.Logs(x[0]),
            Forward = (x, y, _) => TA.Logs(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.LogsBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.LogsDerivative(x),
            WithDerivative = (x, y, d, _) => TA.LogsWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            // Each term is a shape the generator rewrites into a stable function.
            Name = "Stabilized", Formula = "log(1 + exp(x)) + 1 / (1 + exp(-x)) + (exp(x) - 1) + exp(x) / (1 + exp(x))",
            Inputs = [new("x", -6, 6)],
            Reference = (x, _) => Softplus(x[0]) + Sigmoid(x[0]) + Expm1(x[0]) + Sigmoid(x[0]),
            Scalar = (x, _) => TA.Stabilized(x[0]),
            Forward = (x, y, _) => TA.Stabilized(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.StabilizedBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.StabilizedDerivative(x),
            WithDerivative = (x, y, d, _) => TA.StabilizedWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "Trig", Formula = "sin(x) * cos(2 * x) + tan(x / 2) + atan(3 * x)",
            Inputs = [new("x", -2.5, 2.5)],
            Reference = (x, _) => Math.Sin(x[0]) * Math.Cos(2 * x[0]) + Math.Tan(x[0] / 2) + Math.Atan(3 * x[0]),
            Scalar = (x, _) => TA.Trig(x[0]),
            Forward = (x, y, _) => TA.Trig(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.TrigBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.TrigDerivative(x),
            WithDerivative = (x, y, d, _) => TA.TrigWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "AbsSign", Formula = "abs(x) + sign(x - 0.5) * x + abs(x)^1.5",
            Inputs = [new("x", -3, 3)],
            Reference = (x, _) => Math.Abs(x[0]) + Math.Sign(x[0] - 0.5) * x[0] + Math.Pow(Math.Abs(x[0]), 1.5),
            Smooth = (x, _) => Away(x[0], 0) && Away(x[0], 0.5),
            Scalar = (x, _) => TA.AbsSign(x[0]),
            Forward = (x, y, _) => TA.AbsSign(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.AbsSignBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.AbsSignDerivative(x),
            WithDerivative = (x, y, d, _) => TA.AbsSignWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            Name = "MinMaxClamp", Formula = "max(x, 0) + min(x, h) - clamp(x, -1, 1) + max(h, 2 * x)",
            Inputs = [new("x", -3, 3), new("h", -3, 3)],
            Reference = (x, _) => Math.Max(x[0], 0) + Math.Min(x[0], x[1]) - Math.Clamp(x[0], -1, 1) + Math.Max(x[1], 2 * x[0]),
            Smooth = (x, _) => Away(x[0], 0) && Away(x[0], x[1]) && Away(x[0], -1) && Away(x[0], 1) && Away(x[1], 2 * x[0]),
            Scalar = (x, _) => TA.MinMaxClamp(x[0], x[1]),
            Forward = (x, y, _) => TA.MinMaxClamp(x[0].Span, x[1].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.MinMaxClampBackward(x[0].Span, x[1].Span, dy.Span, dx[0].Span, dx[1].Span),
        },
        new()
        {
            Name = "Clamped", Formula = "2 * clamp(x, lo, hi) + lo * hi",
            Inputs = [new("x", -3, 3)], Parameters = [new("lo", -1, true), new("hi", 1.5, true)],
            Reference = (x, p) => 2 * Math.Min(Math.Max(x[0], p[0]), p[1]) + p[0] * p[1],
            Smooth = (x, p) => Away(x[0], p[0]) && Away(x[0], p[1]),
            Scalar = (x, p) => TA.Clamped(x[0], p[0], p[1]),
            Forward = (x, y, p) => TA.Clamped(x[0].Span, y.Span, p[0], p[1]),
            Backward = (x, dy, dx, p) => TA.ClampedBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1]),
            BackwardSums = (x, dy, dx, p, s) => TA.ClampedBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1], out s[0], out s[1]),
            Derivative = (x, p) => TA.ClampedDerivative(x, p[0], p[1]),
            WithDerivative = (x, y, d, p) => TA.ClampedWithDerivative(x[0].Span, y.Span, d.Span, p[0], p[1]),
        },
        new()
        {
            Name = "Branches", Formula = "x < h ? x * h : (x >= 1 && h <= 0.5 ? sin(x) : (x > 2 || !(h >= -0.5) ? exp(-x) : 0.5 * x))",
            Inputs = [new("x", -3, 3), new("h", -1.5, 1.5)],
            Reference = (x, _) => x[0] < x[1] ? x[0] * x[1]
                : x[0] >= 1 && x[1] <= 0.5 ? Math.Sin(x[0])
                : x[0] > 2 || !(x[1] >= -0.5) ? Math.Exp(-x[0])
                : 0.5 * x[0],
            Smooth = (x, _) => Away(x[0], x[1]) && Away(x[0], 1) && Away(x[1], 0.5) && Away(x[0], 2) && Away(x[1], -0.5),
            Scalar = (x, _) => TA.Branches(x[0], x[1]),
            Forward = (x, y, _) => TA.Branches(x[0].Span, x[1].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.BranchesBackward(x[0].Span, x[1].Span, dy.Span, dx[0].Span, dx[1].Span),
        },
        new()
        {
            // k takes exact levels so that == and != both hold somewhere; k only steers, so ∂f/∂k = 0.
            Name = "Equality", Formula = "k == 1 ? x^2 : (k != 2 ? -x : 3 * x)",
            Inputs = [new("x", -3, 3), new("k", 0, 3, [0, 1, 2, 3])],
            Reference = (x, _) => x[1] == 1 ? x[0] * x[0] : x[1] != 2 ? -x[0] : 3 * x[0],
            Scalar = (x, _) => TA.Equality(x[0], x[1]),
            Forward = (x, y, _) => TA.Equality(x[0].Span, x[1].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.EqualityBackward(x[0].Span, x[1].Span, dy.Span, dx[0].Span, dx[1].Span),
        },
        new()
        {
            Name = "Constants", Formula = "e * x + pi * x^2 + e^x - 1e-3 / (1 + x^2)",
            Inputs = [new("x", -3, 3)],
            Reference = (x, _) => Math.E * x[0] + Math.PI * x[0] * x[0] + Math.Exp(x[0]) - 1e-3 / (1 + x[0] * x[0]),
            Scalar = (x, _) => TA.Constants(x[0]),
            Forward = (x, y, _) => TA.Constants(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.ConstantsBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.ConstantsDerivative(x),
            WithDerivative = (x, y, d, _) => TA.ConstantsWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            // [Param] and [Trainable] interleaved: the sums come out in trainable order (a, b).
            Name = "Smooth", Formula = "scale * sqrt(a * x^2 + eps) - b * softplus(x / b)",
            Inputs = [new("x", -3, 3)],
            Parameters = [new("a", 0.8, true), new("eps", 1e-3, false), new("b", 0.7, true), new("scale", 2, false)],
            Reference = (x, p) => p[3] * Math.Sqrt(p[0] * x[0] * x[0] + p[1]) - p[2] * Softplus(x[0] / p[2]),
            Scalar = (x, p) => TA.Smooth(x[0], p[0], p[1], p[2], p[3]),
            Forward = (x, y, p) => TA.Smooth(x[0].Span, y.Span, p[0], p[1], p[2], p[3]),
            Backward = (x, dy, dx, p) => TA.SmoothBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1], p[2], p[3]),
            BackwardSums = (x, dy, dx, p, s) => TA.SmoothBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1], p[2], p[3], out s[0], out s[1]),
            Derivative = (x, p) => TA.SmoothDerivative(x, p[0], p[1], p[2], p[3]),
            WithDerivative = (x, y, d, p) => TA.SmoothWithDerivative(x[0].Span, y.Span, d.Span, p[0], p[1], p[2], p[3]),
        },
        new()
        {
            Name = "Deep3", Formula = "x * tanh(softplus(a * x)) * sigmoid(b * h) + c * erf(x * h) / (1 + abs(c))",
            Inputs = [new("x", -2, 2), new("h", -2, 2), new("c", -2, 2)],
            Parameters = [new("a", 0.9, true), new("b", -1.1, true)],
            Reference = (x, p) => x[0] * Math.Tanh(Softplus(p[0] * x[0])) * Sigmoid(p[1] * x[1]) + x[2] * Erf(x[0] * x[1]) / (1 + Math.Abs(x[2])),
            Smooth = (x, _) => Away(x[2], 0),
            Scalar = (x, p) => TA.Deep3(x[0], x[1], x[2], p[0], p[1]),
            Forward = (x, y, p) => TA.Deep3(x[0].Span, x[1].Span, x[2].Span, y.Span, p[0], p[1]),
            Backward = (x, dy, dx, p) => TA.Deep3Backward(x[0].Span, x[1].Span, x[2].Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span, p[0], p[1]),
            BackwardSums = (x, dy, dx, p, s) => TA.Deep3Backward(x[0].Span, x[1].Span, x[2].Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span, p[0], p[1], out s[0], out s[1]),
        },
        new()
        {
            Name = "Affine", Formula = "a * x + b",
            Inputs = [new("x", -3, 3)], Parameters = [new("a", 0.75, true), new("b", -0.5, true)],
            Reference = (x, p) => p[0] * x[0] + p[1],
            Scalar = (x, p) => TA.Affine(x[0], p[0], p[1]),
            Forward = (x, y, p) => TA.Affine(x[0].Span, y.Span, p[0], p[1]),
            Backward = (x, dy, dx, p) => TA.AffineBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1]),
            BackwardSums = (x, dy, dx, p, s) => TA.AffineBackward(x[0].Span, dy.Span, dx[0].Span, p[0], p[1], out s[0], out s[1]),
            Derivative = (x, p) => TA.AffineDerivative(x, p[0], p[1]),
            WithDerivative = (x, y, d, p) => TA.AffineWithDerivative(x[0].Span, y.Span, d.Span, p[0], p[1]),
        },
        new()
        {
            // The untaken log branch sees x ≤ 0: its NaN and infinities must not leak into value or gradient.
            Name = "LogBranch", Formula = "x > 0 ? log(x) : x",
            Inputs = [new("x", -3, 3)],
            Reference = (x, _) => x[0] > 0 ? Math.Log(x[0]) : x[0],
            Smooth = (x, _) => Math.Abs(x[0]) > 0.1,
            Scalar = (x, _) => TA.LogBranch(x[0]),
            Forward = (x, y, _) => TA.LogBranch(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.LogBranchBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.LogBranchDerivative(x),
            WithDerivative = (x, y, d, _) => TA.LogBranchWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            // log(sigmoid(u)) → −softplus(−u), log(1+exp(u)) → softplus(u), log(exp(u)) → u,
            // exp(u)/(exp(u)+1) → sigmoid(u), −1+exp(u) → expm1(u): finite far beyond where the naive forms overflow.
            Name = "Rewrites", Formula = "log(sigmoid(x)) + log(exp(x) + 1) + log(exp(0.5 * x)) + exp(x) / (exp(x) + 1) - (-1 + exp(x))",
            Inputs = [new("x", -12, 12)],
            Reference = (x, _) => -Softplus(-x[0]) + Softplus(x[0]) + 0.5 * x[0] + Sigmoid(x[0]) - Expm1(x[0]),
            Scalar = (x, _) => TA.Rewrites(x[0]),
            Forward = (x, y, _) => TA.Rewrites(x[0].Span, y.Span),
            Backward = (x, dy, dx, _) => TA.RewritesBackward(x[0].Span, dy.Span, dx[0].Span),
            Derivative = (x, _) => TA.RewritesDerivative(x),
            WithDerivative = (x, y, d, _) => TA.RewritesWithDerivative(x[0].Span, y.Span, d.Span),
        },
        new()
        {
            // A trainable called dy pushes the output gradient's span to dy2.
            Name = "Hygiene", Formula = "last * width + i * block + sin(xRef) * dy", SeedName = "dy2",
            Inputs = [new("last", -2, 2), new("width", -2, 2), new("xRef", -2, 2)],
            Parameters = [new("i", 0.6, false), new("block", -1.2, true), new("dy", 0.9, true)],
            Reference = (x, p) => x[0] * x[1] + p[0] * p[1] + Math.Sin(x[2]) * p[2],
            Scalar = (x, p) => TA.Hygiene(x[0], x[1], x[2], p[0], p[1], p[2]),
            Forward = (x, y, p) => TA.Hygiene(x[0].Span, x[1].Span, x[2].Span, y.Span, p[0], p[1], p[2]),
            Backward = (x, dy, dx, p) => TA.HygieneBackward(x[0].Span, x[1].Span, x[2].Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span, p[0], p[1], p[2]),
            BackwardSums = (x, dy, dx, p, s) => TA.HygieneBackward(x[0].Span, x[1].Span, x[2].Span, dy.Span, dx[0].Span, dx[1].Span, dx[2].Span, p[0], p[1], p[2], out s[0], out s[1]),
        },
    ];

    public static Case<T> Get(string name) => All.Single(c => c.Name == name);

    public static IEnumerable<string> Names => All.Select(c => c.Name);
}
