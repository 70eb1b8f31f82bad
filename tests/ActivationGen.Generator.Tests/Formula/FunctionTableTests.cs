using System.Reflection;
using ActivationGen.Generator.Calculus;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;
using ActivationGen.Simd;

namespace ActivationGen.Generator.Tests.Formula;

/// <summary>
/// Walks every operation through the function table: each has a row, a double meaning, a derivative rule that
/// agrees with central finite differences of that meaning, and runtime code that exists in both element types.
/// </summary>
public sealed class FunctionTableTests
{
    // Op is internal, so the theories take its name.
    public static TheoryData<string> Ops() => [.. Enum.GetNames<Op>()];

    [Theory]
    [MemberData(nameof(Ops))]
    public void EveryOperationHasARow(string name)
    {
        var op = Enum.Parse<Op>(name);
        var f = Functions.Of(op);
        Assert.Equal(op, f.Op);
        Assert.Contains(f, Functions.All);
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void DerivativeRuleAgreesWithFiniteDifferences(string name)
    {
        var op = Enum.Parse<Op>(name);
        var f = Functions.Of(op);
        var names = Enumerable.Range(0, f.Arity).Select(i => "a" + i).ToArray();
        var node = new Apply(op, names.Select(n => (Expr)new Var(n)).ToEquatableArray());
        var adjoints = f.Derivative(node, Trees.One, Gates.On);
        Assert.Equal(f.Arity, adjoints.Length);
        if (f.YieldsTruth)
        {
            Assert.All(adjoints, a => Assert.Null(a));
            return;
        }
        foreach (var point in SamplePoints(op))
        {
            var values = names.Select((n, i) => (n, point[i])).ToDictionary(p => p.n, p => p.Item2);
            for (int k = 0; k < f.Arity; k++)
            {
                if (adjoints[k] is not { } adjoint)
                {
                    Assert.True(op == Op.Select && k == 0, $"{op}: argument {k} has no derivative rule");
                    continue;
                }
                double analytic = Evaluate.Tree(adjoint, values);
                double h = 1e-6 * Math.Max(1, Math.Abs(point[k]));
                double Shifted(double by)
                {
                    var shifted = (double[])point.Clone();
                    shifted[k] += by;
                    return f.Evaluate(shifted);
                }
                double numeric = (Shifted(h) - Shifted(-h)) / (2 * h);
                Assert.True(Math.Abs(analytic - numeric) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                    $"{op} ∂/∂a{k} at ({string.Join(", ", point)}): rule {analytic}, finite differences {numeric}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void RuntimeCodeExists(string name)
    {
        var op = Enum.Parse<Op>(name);
        var f = Functions.Of(op);
        switch (f.RuntimeKind)
        {
            case RuntimeKind.Operator:
                for (int i = 0; i < f.Arity; i++)
                    Assert.Contains("{" + i + "}", f.Runtime);
                break;
            case RuntimeKind.Vector:
                Assert.Contains(typeof(IVector<,>).GetMethods().Concat(typeof(IVectorBits<,>).GetMethods()),
                    m => m.Name == f.Runtime && m.GetParameters().Length == f.Arity);
                break;
            case RuntimeKind.Math:
                foreach (var math in new[] { typeof(SingleMath), typeof(DoubleMath), typeof(ActivationGen.Benchmarking.ReferenceMath) })
                    Assert.Contains(math.GetMethods(BindingFlags.Public | BindingFlags.Static),
                        m => m.Name == f.Runtime && m.GetParameters().Length == f.Arity);
                break;
            default:
                Assert.Fail($"{op}: unknown runtime kind {f.RuntimeKind}");
                break;
        }
    }

    /// <summary>
    /// The generator's double meaning is the runtime's benchmark reference (one source file, compiled into
    /// both): a row that evaluates on its own, through <see cref="Math"/>, must agree with it too.
    /// </summary>
    [Theory]
    [MemberData(nameof(Ops))]
    public void DoubleMeaningIsTheRuntimeReference(string name)
    {
        var op = Enum.Parse<Op>(name);
        var f = Functions.Of(op);
        if (f.RuntimeKind != RuntimeKind.Math)
            return;
        var reference = typeof(ActivationGen.Benchmarking.ReferenceMath).GetMethod(f.Runtime, BindingFlags.Public | BindingFlags.Static)!;
        foreach (var point in SamplePoints(op).Append(Enumerable.Repeat(double.NaN, f.Arity).ToArray()).Append(Enumerable.Repeat(-0.0, f.Arity).ToArray()))
        {
            double expected = (double)reference.Invoke(null, point.Cast<object>().ToArray())!;
            Assert.True(expected.Equals(f.Evaluate(point)), $"{op}({string.Join(", ", point)}): the table gives {f.Evaluate(point):R}, ReferenceMath {expected:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void PrintsWithoutError(string name)
    {
        var op = Enum.Parse<Op>(name);
        var f = Functions.Of(op);
        var node = new Apply(op, Enumerable.Range(0, f.Arity).Select(i => (Expr)new Var("a" + i)).ToEquatableArray());
        Assert.False(string.IsNullOrWhiteSpace(Printer.Print(node)));
    }

    [Fact]
    public void CallableNamesBindToTheirRow()
    {
        foreach (var (name, f) in Functions.ByName.Select(p => (p.Key, p.Value)))
        {
            var args = string.Join(", ", Enumerable.Range(0, f.Arity).Select(i => "a" + i));
            var (tree, error) = ActivationGen.Generator.Formula.Syntax.Parser.Parse($"{name}({args})");
            Assert.Null(error);
            var (expr, errors) = ActivationGen.Generator.Formula.Binder.Bind(tree!, Enumerable.Range(0, f.Arity).Select(i => "a" + i));
            Assert.Empty(errors);
            Assert.Equal(f.Op, Assert.IsType<Apply>(expr).Op);
        }
    }

    [Theory]
    // GELU as the catalog writes it, and with the constant elsewhere: one fused x·Φ(x), its constant folded.
    [InlineData("0.5 * x * (1 + erf(x / sqrt(2)))", 1.0)]
    [InlineData("x * (1 + erf(x / sqrt(2)))", 2.0)]
    public void GeluFormulasFuseIntoOneCall(string formula, double factor)
    {
        var (tree, error) = ActivationGen.Generator.Formula.Syntax.Parser.Parse(formula);
        Assert.Null(error);
        var (expr, errors) = ActivationGen.Generator.Formula.Binder.Bind(tree!, ["x"]);
        Assert.Empty(errors);
        var rewritten = Stabilize.Rewrite(expr);
        var gelu = new Apply(Op.Gelu, new Expr[] { new Var("x") }.ToEquatableArray());
        Expr expected = factor == 1 ? gelu : new Apply(Op.Multiply, new Expr[] { new Num(factor), gelu }.ToEquatableArray());
        Assert.Equal(Printer.Print(expected), Printer.Print(rewritten));
        // The fused function means what the formula it replaced means.
        foreach (double x in new[] { -3.0, -0.75, 0.0, 0.4, 5.0 })
        {
            var at = new Dictionary<string, double> { ["x"] = x };
            double before = Evaluate.Tree(expr, at);
            Assert.Equal(before, Evaluate.Tree(rewritten, at), 1e-300 + 1e-9 * Math.Abs(before));
        }
    }

    [Theory]
    // Published values: erfc(1), σ′(20) = e^−20/(1 + e^−20)², tanh′(10) = sech²(10), e^(−17), erfc(5/√2) = 2Φ(−5).
    [InlineData("Erfc", 1.0, 0.157299207050285130658)]
    [InlineData("SigmoidDerivative", 20.0, 2.0611536139580e-9)]
    [InlineData("TanhDerivative", 10.0, 8.24461445577e-9)]
    [InlineData("ErfcOverRoot2", 5.0, 5.7330314375838e-7)]
    [InlineData("Erf", 0.5, 0.520499877813046537682)]
    // GELU(−5) = −5·Φ(−5) and GELU′(−5) = Φ(−5) − 5φ(5), from Φ(−5) = 2.866515718791939e-7 and φ(5) = 1.4867195147342977e-6.
    [InlineData("Gelu", -5.0, -1.4332578593959695e-6)]
    [InlineData("GeluDerivative", -5.0, -7.1469460017922946e-6)]
    public void DoubleMeaningMatchesPublishedValues(string name, double x, double expected)
    {
        var op = Enum.Parse<Op>(name);
        Assert.Equal(expected, Functions.Of(op).Evaluate([x]), Math.Abs(expected) * 1e-9);
    }

    private static IEnumerable<double[]> SamplePoints(Op op) => op switch
    {
        Op.Select => [[1, 0.7, 1.3], [0, 0.7, 1.3]],
        Op.Clamp => [[0.7, 0.3, 1.3], [0.1, 0.3, 1.3], [1.9, 0.3, 1.3]],
        Op.Power => [[0.7, 2.5], [1.3, 3]],
        Op.Divide => [[0.7, 1.3], [-2, 0.4]],
        Op.Tan => [[0.3], [-1.1]],
        _ => Functions.Of(op).Arity switch
        {
            1 => new double[][] { [0.3], [0.7], [1.3], [2.9], [-0.6], [-3.1] }.Where(p => op is not (Op.Log or Op.Sqrt or Op.Log1p) || p[0] > 0),
            2 => [[0.3, 0.7], [1.3, -0.4]],
            _ => [[0.3, 0.7, 1.1], [1.3, -0.4, 2]],
        },
    };
}
