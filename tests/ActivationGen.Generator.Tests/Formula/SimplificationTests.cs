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
        "x + -y", "x - -y", "x * -y", "1e300 * (1e300 * x)", "x / 4", "x / -0.5", "x / 3", "x / 2^127",
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
        "x + 0" => (Trees.Add(X, Trees.Zero), Literal(Op.Add, X, N(0)), true),
        "x - 0" => (Trees.Subtract(X, Trees.Zero), Literal(Op.Subtract, X, N(0)), true),
        "0 - x" => (Trees.Subtract(Trees.Zero, X), Literal(Op.Subtract, N(0), X), true),
        // ∞ − ∞ and NaN − NaN are NaN, not 0.
        "x - x" => (Trees.Subtract(X, X), Literal(Op.Subtract, X, X), false),
        "0 * x" => (Trees.Multiply(Trees.Zero, X), Literal(Op.Multiply, N(0), X), false),
        "0 / x" => (Trees.Divide(Trees.Zero, X), Literal(Op.Divide, N(0), X), false),
        "x * 1" => (Trees.Multiply(X, Trees.One), Literal(Op.Multiply, X, N(1)), true),
        "x / 1" => (Trees.Divide(X, Trees.One), Literal(Op.Divide, X, N(1)), true),
        // A power of two whose reciprocal is normal in float divides as it multiplies: the divider stays free.
        "x / 4" => (Trees.Divide(X, N(4)), Literal(Op.Divide, X, N(4)), true),
        "x / -0.5" => (Trees.Divide(X, N(-0.5)), Literal(Op.Divide, X, N(-0.5)), true),
        "x / 3" => (Trees.Divide(X, N(3)), Literal(Op.Divide, X, N(3)), false),
        // 2^−127 is subnormal in float: the float kernel's constant would not be exact.
        "x / 2^127" => (Trees.Divide(X, N(Math.Pow(2, 127))), Literal(Op.Divide, X, N(Math.Pow(2, 127))), false),
        "-1 * x" => (Trees.Multiply(N(-1), X), Literal(Op.Multiply, N(-1), X), true),
        "2 * (3 * x)" => (Trees.Multiply(N(2), Trees.Multiply(N(3), X)), Literal(Op.Multiply, N(2), Literal(Op.Multiply, N(3), X)), true),
        // 15 is not 3·5 after rounding in general, and neither is a power of two: left alone.
        "3 * (5 * x)" => (Trees.Multiply(N(3), Trees.Multiply(N(5), X)), Literal(Op.Multiply, N(3), Literal(Op.Multiply, N(5), X)), false),
        // 2y overflows for y = 1e308, where 0.5x·2y is 0·∞ = NaN at x = 0: left alone. 2σ(y) cannot overflow.
        "0.5x * 2y" => (Trees.Multiply(Trees.Multiply(N(0.5), X), Trees.Multiply(N(2), Y)), Literal(Op.Multiply, Literal(Op.Multiply, N(0.5), X), Literal(Op.Multiply, N(2), Y)), false),
        "0.5x * 2sigmoid(y)" => (Trees.Multiply(Trees.Multiply(N(0.5), X), Trees.Multiply(N(2), Trees.Call(Op.Sigmoid, Y))),
            Literal(Op.Multiply, Literal(Op.Multiply, N(0.5), X), Literal(Op.Multiply, N(2), Literal(Op.Sigmoid, Y))), true),
        // pow(−∞, 0.5) = +∞ but √−∞ = NaN: the rewrite keeps that case.
        "x ^ 0.5" => (Trees.Power(X, N(0.5)), Literal(Op.Power, X, N(0.5)), true),
        "x ^ 1" => (Trees.Power(X, Trees.One), Literal(Op.Power, X, N(1)), true),
        "x ^ 0" => (Trees.Power(X, Trees.Zero), Literal(Op.Power, X, N(0)), true),
        // x <= x and x == x are false for NaN; x < x is false for every x.
        "x <= x ? 1 : 2" => (Trees.Select(Trees.Compare(Op.LessOrEqual, X, X), Trees.One, N(2)), Literal(Op.Select, Literal(Op.LessOrEqual, X, X), N(1), N(2)), false),
        "x == x ? 1 : 2" => (Trees.Select(Trees.Compare(Op.Equal, X, X), Trees.One, N(2)), Literal(Op.Select, Literal(Op.Equal, X, X), N(1), N(2)), false),
        "x < x ? 1 : 2" => (Trees.Select(Trees.Compare(Op.Less, X, X), Trees.One, N(2)), Literal(Op.Select, Literal(Op.Less, X, X), N(1), N(2)), true),
        "-(x - y)" => (Trees.Negate(Trees.Subtract(X, Y)), Literal(Op.Negate, Literal(Op.Subtract, X, Y)), true),
        "x + -y" => (Trees.Add(X, Trees.Negate(Y)), Literal(Op.Add, X, Literal(Op.Negate, Y)), true),
        "x - -y" => (Trees.Subtract(X, Trees.Negate(Y)), Literal(Op.Subtract, X, Literal(Op.Negate, Y)), true),
        "x * -y" => (Trees.Multiply(X, Trees.Negate(Y)), Literal(Op.Multiply, X, Literal(Op.Negate, Y)), true),
        // 1e600 overflows: folding the constants would turn every finite x·1e300·1e300 into ±∞ or NaN.
        "1e300 * (1e300 * x)" => (Trees.Multiply(N(1e300), Trees.Multiply(N(1e300), X)), Literal(Op.Multiply, N(1e300), Literal(Op.Multiply, N(1e300), X)), false),
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "no such case"),
    };

    [Fact]
    public void NegativeZeroIsNotZero()
    {
        // 1/−0 = −∞ and 1/0 = +∞: one shared constant for both would change results.
        Assert.NotEqual<Expr>(N(-0.0), Trees.Zero);
        Assert.Equal(2, new HashSet<Expr> { N(-0.0), Trees.Zero, N(0.0) }.Count);
        Assert.Equal(double.NegativeInfinity, Evaluate.Tree(Trees.Divide(Trees.One, Trees.Negate(Trees.Zero)), new Dictionary<string, double>()));
    }

    [Fact]
    public void ConstantConditionsFold()
    {
        Assert.Equal(Trees.One, Trees.Select(Trees.Compare(Op.Less, N(1), N(2)), Trees.One, N(2)));
        var cond = Trees.Compare(Op.Greater, X, Trees.Zero);
        Assert.Equal(cond, Trees.Logic(Op.And, cond, N(1)));
        Assert.Equal(N(0), Trees.Logic(Op.And, cond, N(0)));
        Assert.Equal(N(1), Trees.Logic(Op.Or, N(1), cond));
    }
}
