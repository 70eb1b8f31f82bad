using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Calculus;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// The one table of operations: for each, its name and arity, its meaning in double, its derivative rule, how
/// it is rebuilt and simplified, and what generated code calls. Adding a function means adding a row here, its
/// vector math in <c>SingleMath</c>/<c>DoubleMath</c>, and a test; a missing row is an internal error that the
/// table test (every <see cref="Op"/> walked) catches before a user could.
/// </summary>
/// <remarks>
/// Derivative rules reuse the node's own value where that is exact (exp′ = exp), and otherwise call the
/// internal derivative functions (σ′, tanh′, the Gaussian), which are accurate in relative terms in the tails
/// where the textbook forms σ(1 − σ) and 1 − tanh² cancel to 0. Kinks follow PyTorch: a branch differentiates
/// the side it takes; abs′(0) = sign(0) = 0; min and max send a tie to their second argument (max(x, 0) is
/// ReLU with ReLU′(0) = 0); clamp passes the gradient on its closed interval like torch.clamp.
/// </remarks>
internal static class Functions
{
    private static readonly Expr TwoOverSqrtPi = Trees.Num(1.1283791670955126);

    // |u| beyond which each local derivative is exactly 0 in float and in double (so a gate there changes no
    // finite result): σ′ ≤ e^−|u| (< 2⁻¹⁰⁷⁴ from 745.2), tanh′ ≤ 4e^−2|u| (from 373.5), e^−u² (from 27.3).
    private static readonly Expr SigmoidFlat = Trees.Num(750);
    private static readonly Expr TanhFlat = Trees.Num(375);
    private static readonly Expr GaussianFlat = Trees.Num(28);
    private static readonly Expr ExpFlat = Trees.Num(-750);
    private static readonly Expr NormalFlat = Trees.Num(39);
    private static readonly Expr MinusRootTwoOverPi = Trees.Num(-0.79788456080286541);
    private static readonly Expr Infinity = Trees.Num(double.PositiveInfinity);
    private static readonly Expr InverseRootTwoPi = Trees.Num(0.3989422804014327);

    private static readonly Function[] Table =
    [
        Operator(Op.Add, "+", Notation.LeftInfix, 4, a => a[0] + a[1], (n, g, _) => [g, g], a => Trees.Add(a[0], a[1]), "{0} + {1}", "sum", commutative: true),
        Operator(Op.Subtract, "-", Notation.LeftInfix, 4, a => a[0] - a[1], (n, g, _) => [g, Trees.Negate(g)], a => Trees.Subtract(a[0], a[1]), "{0} - {1}", "difference"),
        Operator(Op.Multiply, "*", Notation.LeftInfix, 5, a => a[0] * a[1], (n, g, _) => [Trees.Multiply(g, n[1]), Trees.Multiply(g, n[0])], a => Trees.Multiply(a[0], a[1]), "{0} * {1}", "product", commutative: true),
        Operator(Op.Divide, "/", Notation.LeftInfix, 5, a => a[0] / a[1], (n, g, _) => [Trees.Divide(g, n[1]), Trees.Negate(Trees.Divide(Trees.Multiply(g, n), n[1]))], a => Trees.Divide(a[0], a[1]), "{0} / {1}", "quotient"),
        Operator(Op.Negate, "-", Notation.Prefix, 6, a => -a[0], (n, g, _) => [Trees.Negate(g)], a => Trees.Negate(a[0]), "-{0}", "negated"),
        // d(u^p)/du = p·u^(p−1), a product so that small integer powers stay exact; 0 where p = 0 (u^0 = 1: not
        // 0·0^−1 at u = 0, PyTorch's mask) and where p = ±∞ (u^p is 0, 1 or ∞, flat in u but at |u| = 1: not ∞·0).
        // d/dp = u^p·log|u|: 0 where u = 0 and p ≥ 0 (u^p is flat there: not 0·(−∞), PyTorch's mask) and where
        // u = 1 (1^p = 1 for every p, NaN included, so a NaN from p's own derivative stays out); for u < 0,
        // the derivative of Re(u^p) = |u|^p·cos(πp) at the integer p where u^p is real, so that a p saturated at
        // an integer (erf → 1) gives the flat 0, not PyTorch's NaN from log u (at other p, u^p and so the product is NaN).
        Function(Op.Power, "^", 2, Notation.RightInfix, 7, a => Math.Pow(a[0], a[1]),
            (n, g, s) => [
                Trees.Multiply(g, s.FlatWhere(Trees.Logic(Op.Or, Trees.Compare(Op.Equal, n[1], Trees.Zero), Trees.Compare(Op.Equal, Trees.Call(Op.Abs, n[1]), Infinity)),
                    Trees.Multiply(n[1], Trees.Power(n[0], Trees.Subtract(n[1], Trees.One))))),
                Trees.Multiply(g, s.FlatWhere(Trees.Logic(Op.Or, Trees.Logic(Op.And, Trees.Compare(Op.Equal, n[0], Trees.Zero), Trees.Compare(Op.GreaterOrEqual, n[1], Trees.Zero)), Trees.Compare(Op.Equal, n[0], Trees.One)),
                    Trees.Multiply(n, Trees.Call(Op.Log, Trees.Call(Op.Abs, n[0])))))],
            a => Trees.Power(a[0], a[1]), RuntimeKind.Math, "Pow", "power"),

        Compare(Op.Less, "<", a => a[0] < a[1], "LessThan"),
        Compare(Op.LessOrEqual, "<=", a => a[0] <= a[1], "LessThanOrEqual"),
        Compare(Op.Greater, ">", a => a[0] > a[1], "GreaterThan"),
        Compare(Op.GreaterOrEqual, ">=", a => a[0] >= a[1], "GreaterThanOrEqual"),
        Compare(Op.Equal, "==", a => a[0] == a[1], "Equal", commutative: true),
        Compare(Op.NotEqual, "!=", a => a[0] != a[1], "NotEqual", commutative: true),
        Logic(Op.And, "&&", 2, Notation.LeftInfix, 2, a => a[0] != 0 && a[1] != 0, "And", commutative: true),
        Logic(Op.Or, "||", 2, Notation.LeftInfix, 1, a => a[0] != 0 || a[1] != 0, "Or", commutative: true),
        Logic(Op.Not, "!", 1, Notation.Prefix, 6, a => a[0] == 0, "Not"),
        Function(Op.Select, "?:", 3, Notation.Conditional, 0, a => a[0] != 0 ? a[1] : a[2],
            (n, g, _) => [null, Trees.Select(n[0], g, Trees.Zero), Trees.Select(n[0], Trees.Zero, g)],
            a => Trees.Select(a[0], a[1], a[2]), RuntimeKind.Vector, "ConditionalSelect", "selected"),

        Call(Op.Exp, "exp", Math.Exp, (n, g, s) => [s.AtMost(n[0], ExpFlat, Trees.Multiply(g, n))]),
        Call(Op.Log, "log", Math.Log, (n, g, s) => [s.AtInfinity(n[0], Trees.Divide(g, n[0]))]),
        Call(Op.Log1p, "log1p", ReferenceMath.Log1p, (n, g, s) => [s.AtInfinity(n[0], Trees.Divide(g, Trees.Add(Trees.One, n[0])))]),
        // expm1′ = e^u, not expm1 + 1, which is 0 in float below u ≈ −17 where e^u is still 4e-8.
        Call(Op.Expm1, "expm1", ReferenceMath.Expm1, (n, g, s) => [s.AtMost(n[0], ExpFlat, Trees.Multiply(g, Trees.Call(Op.Exp, n[0])))]),
        Call(Op.Sqrt, "sqrt", Math.Sqrt, (n, g, s) => [s.AtInfinity(n[0], Trees.Divide(Trees.Multiply(Trees.Num(0.5), g), n))]),
        Call(Op.Abs, "abs", Math.Abs, (n, g, _) => [Trees.Multiply(g, Trees.Call(Op.Sign, n[0]))]),
        Call(Op.Sign, "sign", ReferenceMath.Sign, (n, g, _) => [Trees.Zero]),
        Call(Op.Min, "min", 2, a => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Min(a[0], a[1]),
            (n, g, s) => [s.KeepNaN(n[0], g, Trees.Select(Trees.Compare(Op.Less, n[0], n[1]), g, Trees.Zero)), s.KeepNaN(n[1], g, Trees.Select(Trees.Compare(Op.Less, n[0], n[1]), Trees.Zero, g))]),
        Call(Op.Max, "max", 2, a => double.IsNaN(a[0]) || double.IsNaN(a[1]) ? double.NaN : Math.Max(a[0], a[1]),
            (n, g, s) => [s.KeepNaN(n[0], g, Trees.Select(Trees.Compare(Op.Greater, n[0], n[1]), g, Trees.Zero)), s.KeepNaN(n[1], g, Trees.Select(Trees.Compare(Op.Greater, n[0], n[1]), Trees.Zero, g))]),
        // With lo > hi the value is hi (min(max(v, lo), hi), as torch.clamp), so hi takes the gradient and lo
        // none, as PyTorch's clamp_backward_min_max: lo where v < lo < hi, hi where v > hi or hi < lo.
        Call(Op.Clamp, "clamp", 3, a => double.IsNaN(a[0]) ? double.NaN : Math.Min(Math.Max(a[0], a[1]), a[2]),
            (n, g, s) => [
                s.KeepNaN(n[0], g, Trees.Select(Trees.Logic(Op.And, Trees.Compare(Op.GreaterOrEqual, n[0], n[1]), Trees.Compare(Op.LessOrEqual, n[0], n[2])), g, Trees.Zero)),
                Trees.Select(Trees.Logic(Op.And, Trees.Compare(Op.Less, n[0], n[1]), Trees.Compare(Op.Less, n[1], n[2])), g, Trees.Zero),
                Trees.Select(Trees.Logic(Op.Or, Trees.Compare(Op.Greater, n[0], n[2]), Trees.Compare(Op.Less, n[2], n[1])), g, Trees.Zero)]),
        Call(Op.Sin, "sin", Math.Sin, (n, g, _) => [Trees.Multiply(g, Trees.Call(Op.Cos, n[0]))]),
        Call(Op.Cos, "cos", Math.Cos, (n, g, _) => [Trees.Negate(Trees.Multiply(g, Trees.Call(Op.Sin, n[0])))]),
        Call(Op.Tan, "tan", Math.Tan, (n, g, _) => [Trees.Multiply(g, Trees.Add(Trees.One, Trees.Multiply(n, n)))]),
        Call(Op.Tanh, "tanh", Math.Tanh, (n, g, s) => [s.Saturating(n[0], TanhFlat, Trees.Multiply(g, Trees.Call(Op.TanhDerivative, n[0])))]),
        Call(Op.Sigmoid, "sigmoid", ReferenceMath.Sigmoid, (n, g, s) => [s.Saturating(n[0], SigmoidFlat, Trees.Multiply(g, Trees.Call(Op.SigmoidDerivative, n[0])))]),
        Call(Op.Softplus, "softplus", ReferenceMath.Softplus, (n, g, s) => [s.AtMost(n[0], ExpFlat, Trees.Multiply(g, Trees.Call(Op.Sigmoid, n[0])))]),
        Call(Op.Erf, "erf", ReferenceMath.Erf, (n, g, s) => [s.Saturating(n[0], GaussianFlat, Trees.Multiply(g, Trees.Multiply(TwoOverSqrtPi, Trees.Call(Op.Gaussian, n[0]))))]),
        Call(Op.Erfc, "erfc", ReferenceMath.Erfc, (n, g, s) => [s.Saturating(n[0], GaussianFlat, Trees.Negate(Trees.Multiply(g, Trees.Multiply(TwoOverSqrtPi, Trees.Call(Op.Gaussian, n[0])))))]),
        Call(Op.Atan, "atan", Math.Atan, (n, g, s) => [s.AtInfinity(Trees.Call(Op.Abs, n[0]), Trees.Divide(g, Trees.Add(Trees.One, Trees.Multiply(n[0], n[0]))))]),

        Function(Op.MultiplyAdd, "fma", 3, Notation.Call, 9, a => a[0] * a[1] + a[2],
            (n, g, _) => [Trees.Multiply(g, n[1]), Trees.Multiply(g, n[0]), g],
            a => Trees.Call(Op.MultiplyAdd, a), RuntimeKind.Vector, "MultiplyAdd", "fused", callable: false),
        Internal(Op.TanhSoftplus, "tanh(softplus({0}))", ReferenceMath.TanhSoftplus, "tanhSoftplus",
            (n, g, s) => [s.OutsideOpen(n[0], ExpFlat, TanhFlat, Trees.Multiply(g, Trees.Call(Op.TanhSoftplusDerivative, n[0])))]),
        Internal(Op.Gaussian, "exp(-{0}^2)", ReferenceMath.Gaussian, "gaussian",
            (n, g, s) => [s.Saturating(n[0], GaussianFlat, Trees.Multiply(g, Trees.Multiply(Trees.Num(-2), Trees.Multiply(n[0], n))))]),
        Internal(Op.ErfcOverRoot2, "erfc({0} / sqrt(2))", ReferenceMath.ErfcOverRoot2, "erfc",
            (n, g, s) => [s.Saturating(n[0], NormalFlat, Trees.Multiply(g, Trees.Multiply(MinusRootTwoOverPi, Trees.Call(Op.GaussianOverRoot2, n[0]))))]),
        Internal(Op.GaussianOverRoot2, "exp(-{0}^2 / 2)", ReferenceMath.GaussianOverRoot2, "gaussian",
            (n, g, s) => [s.Saturating(n[0], NormalFlat, Trees.Negate(Trees.Multiply(g, Trees.Multiply(n[0], n))))]),
        // GELU′ = Φ(u) + u·φ(u) is exactly 0 in double below −39 (u·φ(u) < 2⁻¹⁰⁷⁴); GELU″ = φ(u)·(2 − u²).
        Internal(Op.Gelu, "{0} * erfc(-{0} / sqrt(2)) / 2", ReferenceMath.Gelu, "gelu",
            (n, g, s) => [s.AtMost(n[0], Trees.Negate(NormalFlat), Trees.Multiply(g, Trees.Call(Op.GeluDerivative, n[0])))]),
        Internal(Op.GeluDerivative, "gelu'({0})", ReferenceMath.GeluDerivative, "geluDerivative",
            (n, g, s) => [s.Saturating(n[0], NormalFlat, Trees.Multiply(g, Trees.Multiply(Trees.Multiply(InverseRootTwoPi, Trees.Subtract(Trees.Num(2), Trees.Multiply(n[0], n[0]))), Trees.Call(Op.GaussianOverRoot2, n[0]))))]),
        // σ″ = σ′·(σ(−u) − σ(u)) = −σ′·tanh(u/2); tanh″ = −2 tanh′·tanh; (tanh∘softplus)″ = D·(σ(−u) − 2 tanh(softplus u)·σ(u)).
        Internal(Op.SigmoidDerivative, "sigmoid'({0})", ReferenceMath.SigmoidDerivative, "sigmoidDerivative",
            (n, g, s) => [s.Saturating(n[0], SigmoidFlat, Trees.Negate(Trees.Multiply(g, Trees.Multiply(n, Trees.Call(Op.Tanh, Trees.Multiply(Trees.Num(0.5), n[0]))))))],
            (Op.Sigmoid, y => Trees.Multiply(y, Trees.Subtract(Trees.One, y)))),
        Internal(Op.TanhDerivative, "tanh'({0})", ReferenceMath.TanhDerivative, "tanhDerivative",
            (n, g, s) => [s.Saturating(n[0], TanhFlat, Trees.Multiply(Trees.Num(-2), Trees.Multiply(g, Trees.Multiply(n, Trees.Call(Op.Tanh, n[0])))))],
            (Op.Tanh, y => Trees.Subtract(Trees.One, Trees.Multiply(y, y)))),
        Internal(Op.TanhSoftplusDerivative, "tanh(softplus)'({0})", ReferenceMath.TanhSoftplusDerivative, "tanhSoftplusDerivative",
            (n, g, s) => [s.OutsideOpen(n[0], ExpFlat, TanhFlat, Trees.Multiply(g, Trees.Multiply(n, Trees.Subtract(
                Trees.Call(Op.Sigmoid, Trees.Negate(n[0])),
                Trees.Multiply(Trees.Num(2), Trees.Multiply(Trees.Call(Op.TanhSoftplus, n[0]), Trees.Call(Op.Sigmoid, n[0])))))))]),
    ];

    private static readonly Dictionary<Op, Function> ByOp = Table.ToDictionary(f => f.Op);

    /// <summary>The functions a formula may call, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Function> ByName =
        Table.Where(f => f.IsCallable && f.Notation == Notation.Call).Append(Of(Op.Power) with { Name = "pow" })
            .ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The binary operators of the formula language, by symbol.</summary>
    public static readonly IReadOnlyDictionary<string, Function> BinaryOperators =
        Table.Where(f => f.Arity == 2 && f.Notation is Notation.LeftInfix or Notation.RightInfix or Notation.Comparison).ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Every row, in the order of <see cref="Op"/>.</summary>
    public static IReadOnlyList<Function> All => Table;

    /// <summary>The row of <paramref name="op"/>; a missing row is a bug in the generator, never a user error.</summary>
    public static Function Of(Op op) =>
        ByOp.TryGetValue(op, out var f) ? f : throw new InvalidOperationException($"ActivationGen internal error: {op} has no row in the function table");

    public static bool IsTruthValued(Op op) => Of(op).YieldsTruth;

    public static bool IsCommutative(Op op) => Of(op).IsCommutative;

    private static Function Operator(Op op, string symbol, Notation notation, int precedence, Func<double[], double> evaluate,
        DerivativeRule rule, Func<Expr[], Expr> build, string format, string stem, bool commutative = false) =>
        new(op, symbol, notation == Notation.Prefix ? 1 : 2, notation, precedence, true, false, commutative, evaluate, rule, build, RuntimeKind.Operator, format, stem);

    private static Function Compare(Op op, string symbol, Func<double[], bool> test, string member, bool commutative = false) =>
        new(op, symbol, 2, Notation.Comparison, 3, true, true, commutative, a => test(a) ? 1 : 0, NoGradient,
            a => Trees.Compare(op, a[0], a[1]), RuntimeKind.Vector, member, "is" + op);

    private static Function Logic(Op op, string symbol, int arity, Notation notation, int precedence, Func<double[], bool> test, string member, bool commutative = false) =>
        new(op, symbol, arity, notation, precedence, true, true, commutative, a => test(a) ? 1 : 0, NoGradient,
            a => Trees.Logic(op, a), RuntimeKind.Vector, member, "mask");

    private static Function Function(Op op, string name, int arity, Notation notation, int precedence, Func<double[], double> evaluate,
        DerivativeRule rule, Func<Expr[], Expr> build, RuntimeKind kind, string runtime, string stem, bool callable = true) =>
        new(op, name, arity, notation, precedence, callable, false, false, evaluate, rule, build, kind, runtime, stem);

    private static Function Call(Op op, string name, Func<double, double> evaluate, DerivativeRule rule) =>
        Call(op, name, 1, a => evaluate(a[0]), rule);

    private static Function Call(Op op, string name, int arity, Func<double[], double> evaluate, DerivativeRule rule) =>
        new(op, name, arity, Notation.Call, 9, true, false, false, evaluate, rule, a => Trees.Call(op, a), RuntimeKind.Math, op.ToString(), name);

    /// <summary>A function the generator introduces (fusions, derivatives); formulas cannot call it by name.</summary>
    private static Function Internal(Op op, string template, Func<double, double> evaluate, string stem, DerivativeRule rule,
        (Op, Func<Expr, Expr>)? fromValue = null) =>
        new(op, template, 1, Notation.Template, 9, false, false, false, a => evaluate(a[0]), rule,
            a => Trees.Call(op, a), RuntimeKind.Math, op.ToString(), stem, ArgumentContext: template.Contains("^") ? 8 : template.Contains("/") ? 5 : 0, FromValue: fromValue);

    // Comparisons and logic carry no gradient: their arguments get none.
    private static Expr?[] NoGradient(Apply node, Expr g, Gates gates) => new Expr?[node.Args.Count];
}
