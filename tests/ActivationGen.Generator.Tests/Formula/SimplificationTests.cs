using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Tests.Formula;

/// <summary>
/// Each rewrite of the simplifying constructors, applied or refused, and the simplified tree's value against
/// the literal tree's (built without simplification) in double at ±0, ±∞, NaN, overflow and subnormal inputs.
/// Equal means equal or both NaN; the sign of a zero may differ (x + 0 is +0 at x = −0).
/// </summary>
public sealed class SimplificationTests
{
    private static readonly Expr X = new Var("x");
    private static readonly Expr Y = new Var("y");
    private static readonly double[] Inputs = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0, -0.0, 1, -2.5, 3, 1e308, -1e308, 1e-310, 0.1];

    private static Apply Literal(Op op, params Expr[] args) => new(op, args.ToEquatableArray());

    private static Num N(double v) => new(v);

    public static TheoryData<string> Rules() =>
    [
        "x + 0", "x - 0", "0 - x", "x - x", "0 * x", "0 / x", "x * 1", "x / 1", "-1 * x", "2 * (3 * x)", "3 * (5 * x)",
        "0.5x * 2y", "0.5x * 2sigmoid(y)", "x ^ 0.5", "x ^ 1", "x ^ 0", "x <= x ? 1 : 2", "x < x ? 1 : 2", "x == x ? 1 : 2", "-(x - y)",
        "x + -y", "x - -y", "x * -y", "1e300 * (1e300 * x)",
    ];

    [Theory]
    [MemberData(nameof(Rules))]
    public void RewriteIsExactOrRefused(string rule)
    {
        var (simplified, literal, applied) = Case(rule);
        Assert.Equal(applied, !simplified.Equals(literal));
        // Folding a power of two differs only where the literal form rounds a subnormal intermediate (and the
        // folded form is the exact one there).
        bool foldsPowerOfTwo = rule is "2 * (3 * x)" or "0.5x * 2sigmoid(y)";
        foreach (double x in Inputs)
            foreach (double y in Inputs)
            {
                if (foldsPowerOfTwo && (IsSubnormal(x) || IsSubnormal(y)))
                    continue;
                var values = new Dictionary<string, double> { ["x"] = x, ["y"] = y };
                double expected = Evaluate.Tree(literal, values), actual = Evaluate.Tree(simplified, values);
                Assert.True(expected.Equals(actual) || expected == actual, $"{rule} at x = {x}, y = {y}: {actual}, literally {expected}");
            }
    }

    private static bool IsSubnormal(double v) => v != 0 && Math.Abs(v) < 2.2250738585072014e-308;

    private static (Expr Simplified, Expr Literal, bool Applied) Case(string rule) => rule switch
    {
        "x + 0" => (E.Add(X, E.Zero), Literal(Op.Add, X, N(0)), true),
        "x - 0" => (E.Subtract(X, E.Zero), Literal(Op.Subtract, X, N(0)), true),
        "0 - x" => (E.Subtract(E.Zero, X), Literal(Op.Subtract, N(0), X), true),
        // ∞ − ∞ and NaN − NaN are NaN, not 0.
        "x - x" => (E.Subtract(X, X), Literal(Op.Subtract, X, X), false),
        "0 * x" => (E.Multiply(E.Zero, X), Literal(Op.Multiply, N(0), X), false),
        "0 / x" => (E.Divide(E.Zero, X), Literal(Op.Divide, N(0), X), false),
        "x * 1" => (E.Multiply(X, E.One), Literal(Op.Multiply, X, N(1)), true),
        "x / 1" => (E.Divide(X, E.One), Literal(Op.Divide, X, N(1)), true),
        "-1 * x" => (E.Multiply(N(-1), X), Literal(Op.Multiply, N(-1), X), true),
        "2 * (3 * x)" => (E.Multiply(N(2), E.Multiply(N(3), X)), Literal(Op.Multiply, N(2), Literal(Op.Multiply, N(3), X)), true),
        // 15 is not 3·5 after rounding in general, and neither is a power of two: left alone.
        "3 * (5 * x)" => (E.Multiply(N(3), E.Multiply(N(5), X)), Literal(Op.Multiply, N(3), Literal(Op.Multiply, N(5), X)), false),
        // 2y overflows for y = 1e308, where 0.5x·2y is 0·∞ = NaN at x = 0: left alone. 2σ(y) cannot overflow.
        "0.5x * 2y" => (E.Multiply(E.Multiply(N(0.5), X), E.Multiply(N(2), Y)), Literal(Op.Multiply, Literal(Op.Multiply, N(0.5), X), Literal(Op.Multiply, N(2), Y)), false),
        "0.5x * 2sigmoid(y)" => (E.Multiply(E.Multiply(N(0.5), X), E.Multiply(N(2), E.Call(Op.Sigmoid, Y))),
            Literal(Op.Multiply, Literal(Op.Multiply, N(0.5), X), Literal(Op.Multiply, N(2), Literal(Op.Sigmoid, Y))), true),
        // pow(−∞, 0.5) = +∞ but √−∞ = NaN: the rewrite keeps that case.
        "x ^ 0.5" => (E.Power(X, N(0.5)), Literal(Op.Power, X, N(0.5)), true),
        "x ^ 1" => (E.Power(X, E.One), Literal(Op.Power, X, N(1)), true),
        "x ^ 0" => (E.Power(X, E.Zero), Literal(Op.Power, X, N(0)), true),
        // x <= x and x == x are false for NaN; x < x is false for every x.
        "x <= x ? 1 : 2" => (E.Select(E.Compare(Op.LessOrEqual, X, X), E.One, N(2)), Literal(Op.Select, Literal(Op.LessOrEqual, X, X), N(1), N(2)), false),
        "x == x ? 1 : 2" => (E.Select(E.Compare(Op.Equal, X, X), E.One, N(2)), Literal(Op.Select, Literal(Op.Equal, X, X), N(1), N(2)), false),
        "x < x ? 1 : 2" => (E.Select(E.Compare(Op.Less, X, X), E.One, N(2)), Literal(Op.Select, Literal(Op.Less, X, X), N(1), N(2)), true),
        "-(x - y)" => (E.Negate(E.Subtract(X, Y)), Literal(Op.Negate, Literal(Op.Subtract, X, Y)), true),
        "x + -y" => (E.Add(X, E.Negate(Y)), Literal(Op.Add, X, Literal(Op.Negate, Y)), true),
        "x - -y" => (E.Subtract(X, E.Negate(Y)), Literal(Op.Subtract, X, Literal(Op.Negate, Y)), true),
        "x * -y" => (E.Multiply(X, E.Negate(Y)), Literal(Op.Multiply, X, Literal(Op.Negate, Y)), true),
        // 1e600 overflows: folding the constants would turn every finite x·1e300·1e300 into ±∞ or NaN.
        "1e300 * (1e300 * x)" => (E.Multiply(N(1e300), E.Multiply(N(1e300), X)), Literal(Op.Multiply, N(1e300), Literal(Op.Multiply, N(1e300), X)), false),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no such case"),
    };

    [Fact]
    public void NegativeZeroIsNotZero()
    {
        // 1/−0 = −∞ and 1/0 = +∞: one shared constant for both would change results.
        Assert.NotEqual<Expr>(N(-0.0), E.Zero);
        Assert.Equal(2, new HashSet<Expr> { N(-0.0), E.Zero, N(0.0) }.Count);
        Assert.Equal(double.NegativeInfinity, Evaluate.Tree(E.Divide(E.One, E.Negate(E.Zero)), new Dictionary<string, double>()));
    }

    [Fact]
    public void ConstantConditionsFold()
    {
        Assert.Equal(E.One, E.Select(E.Compare(Op.Less, N(1), N(2)), E.One, N(2)));
        var cond = E.Compare(Op.Greater, X, E.Zero);
        Assert.Equal(cond, E.Logic(Op.And, cond, N(1)));
        Assert.Equal(N(0), E.Logic(Op.And, cond, N(0)));
        Assert.Equal(N(1), E.Logic(Op.Or, N(1), cond));
    }
}
