using System.Reflection;
using System.Xml.Linq;
using ActivationGen.Demo.Explain;

namespace ActivationGen.Demo.Tests;

/// <summary><c>explain</c> prints what the generator emits: the derivatives of its XML docs, its diagnostics and carets.</summary>
public sealed class ExplainTests
{
    public static TheoryData<string> CatalogMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in Declarations())
            data.Add(method.DeclaringType!.Name + "." + method.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogMethods))]
    public void Explain_prints_the_derivatives_the_generator_wrote_into_the_catalogs_docs(string qualifiedName)
    {
        var method = Declarations().Single(m => m.DeclaringType!.Name + "." + m.Name == qualifiedName);
        var parameters = method.GetParameters();
        string[] Named<T>() where T : Attribute => parameters.Where(p => p.GetCustomAttribute<T>() is not null).Select(p => p.Name!).ToArray();
        var inputs = parameters.Where(p => p.GetCustomAttribute<ParamAttribute>() is null && p.GetCustomAttribute<TrainableAttribute>() is null)
            .Select(p => p.Name!).ToArray();
        string formula = method.GetCustomAttribute<ActivationAttribute>()!.Formula;

        var output = new StringWriter();
        int exit = ExplainCommand.Run(output, formula, inputs, Named<ParamAttribute>(), Named<TrainableAttribute>(), showSource: false);
        Assert.Equal(0, exit);

        var documented = DocumentedDerivatives(method);
        Assert.Equal(inputs.Length + Named<TrainableAttribute>().Length, documented.Count);
        var printed = output.ToString().Split('\n').Where(l => l.StartsWith("d/d", StringComparison.Ordinal))
            .ToDictionary(l => l[3..l.IndexOf(':')], l => l[(l.IndexOf(':') + 1)..].Trim());
        // The generator cuts a doc past 600 characters short (a huge formula would repeat megabytes of docs):
        // there the printed derivative must begin with what the doc kept.
        const string cut = " … (cut short; see the declaration)";
        Assert.Equal(documented.Keys.Order(), printed.Keys.Order());
        foreach (var (name, doc) in documented)
            if (doc.EndsWith(cut, StringComparison.Ordinal))
                Assert.StartsWith(doc[..^cut.Length], printed[name], StringComparison.Ordinal);
            else
                Assert.Equal(doc, printed[name]);
    }

    [Theory]
    [MemberData(nameof(CatalogMethods))]
    public void Explain_gives_the_derivatives_of_each_catalog_structs_Info(string qualifiedName)
    {
        var method = Declarations().Single(m => m.DeclaringType!.Name + "." + m.Name == qualifiedName);
        var structType = method.DeclaringType!.GetNestedType(method.Name + "Activation")!;
        var info = (ActivationInfo)structType.GetProperty("Info", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

        var output = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(output, info.Formula, info.Inputs, info.Parameters, info.Trainables, showSource: false));
        var printed = output.ToString().Split('\n').Where(l => l.StartsWith("d/d", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(':') + 1)..].Trim());
        Assert.Equal(info.Derivatives, printed);
        string fromOutput = info.BackwardFromOutput is { } y ? $"d/d{info.Inputs[0]} = {y}, y = f({info.Inputs[0]})" : "none";
        Assert.Contains(fromOutput, output.ToString());
    }

    [Fact]
    public void A_bad_formula_prints_the_compilers_message_with_a_caret_under_the_exact_characters()
    {
        const string formula = "x * sigmod(bta * x)";
        var output = new StringWriter();
        int exit = ExplainCommand.Run(output, formula, ["x"], [], ["beta"]);
        Assert.Equal(1, exit);
        var lines = output.ToString().Split(Environment.NewLine);

        int unknownName = Array.FindIndex(lines, l => l.StartsWith("error AG0002: The name 'bta' is not a parameter or a constant", StringComparison.Ordinal));
        Assert.True(unknownName >= 0, output.ToString());
        Assert.Contains("did you mean 'beta'", lines[unknownName]);
        Assert.Equal("    " + formula, lines[unknownName + 1]);
        Assert.Equal(new string(' ', 4 + formula.IndexOf("bta", StringComparison.Ordinal)) + "^^^", lines[unknownName + 2]);

        int unknownFunction = Array.FindIndex(lines, l => l.StartsWith("error AG0003: The function 'sigmod' does not exist", StringComparison.Ordinal));
        Assert.True(unknownFunction >= 0, output.ToString());
        Assert.Equal(new string(' ', 4 + formula.IndexOf("sigmod", StringComparison.Ordinal)) + "^^^^^^", lines[unknownFunction + 2]);
    }

    [Theory]
    [InlineData("x * sigmod(bta * x)")]
    [InlineData("x > 0 ? x : 0 +")]
    [InlineData("max(x) + (x < 1)")]
    [InlineData("x * 2 + bta * pi + e(x)")]
    public void The_explainers_diagnostics_are_the_compilers_at_the_same_offsets(string formula)
    {
        var (_, compiler) = GeneratorRun.Run(formula, ["x"], [], ["beta"]);
        var explained = ActivationGen.Generator.Explain.FormulaExplainer.Explain(formula, ["x"], [], ["beta"]).Diagnostics;
        Assert.NotEmpty(compiler);
        Assert.Equal(
            compiler.Select(d => (d.Id, d.Message, d.FormulaStart)).OrderBy(d => d.FormulaStart).ThenBy(d => d.Id),
            explained.Select(d => (d.Id, d.Message, (int?)d.Start)).OrderBy(d => d.Item3).ThenBy(d => d.Id));
    }

    [Fact]
    public void A_syntax_error_points_one_past_the_end_when_the_formula_stops_early()
    {
        const string formula = "x > 0 ? x : 0 +";
        var output = new StringWriter();
        Assert.Equal(1, ExplainCommand.Run(output, formula, ["x"], [], []));
        var lines = output.ToString().Split(Environment.NewLine);
        int error = Array.FindIndex(lines, l => l.StartsWith("error AG0001:", StringComparison.Ordinal));
        Assert.True(error >= 0, output.ToString());
        Assert.Equal(new string(' ', 4 + formula.Length) + "^", lines[error + 2]);
    }

    [Fact]
    public void Explain_names_the_stability_rewrites_and_the_backward_from_the_output()
    {
        var output = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(output, "log(1 + exp(x)) + 1 / (1 + exp(-x))", ["x"], [], []));
        string text = output.ToString();
        Assert.Contains("stability:  log(1 + exp(x))  ->  softplus(x)", text);
        Assert.Contains("stability:  1 / (1 + exp(-x))  ->  sigmoid(x)", text);

        var tanh = new StringWriter();
        Assert.Equal(0, ExplainCommand.Run(tanh, "tanh(x)", ["x"], [], []));
        Assert.Contains("BackwardFromOutput", tanh.ToString());
        Assert.Contains("generated C#:", tanh.ToString());
        Assert.Contains("public static partial float Explained(float x)", tanh.ToString());
    }

    private static IEnumerable<MethodInfo> Declarations() =>
        new[] { typeof(Activations), typeof(ApproximateActivations) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<ActivationAttribute>() is not null)
            .OrderBy(m => m.Name);

    /// <summary>"∂f/∂name = &lt;c&gt;derivative&lt;/c&gt;" lines of the scalar member's remarks in ActivationGen.xml, written by the generator.</summary>
    private static Dictionary<string, string> DocumentedDerivatives(MethodInfo method)
    {
        var docs = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "ActivationGen.xml"));
        string id = $"M:{method.DeclaringType!.FullName}.{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName))})";
        var remarks = docs.Descendants("member").Single(m => (string?)m.Attribute("name") == id).Element("remarks")!;
        var result = new Dictionary<string, string>();
        string? pending = null;
        foreach (var node in remarks.Nodes())
        {
            if (node is XText text && text.Value.Trim() is var t && t.StartsWith("∂f/∂", StringComparison.Ordinal))
                pending = t["∂f/∂".Length..].TrimEnd('=', ' ');
            else if (node is XElement { Name.LocalName: "c" } code && pending is not null)
            {
                result[pending] = code.Value;
                pending = null;
            }
        }
        return result;
    }
}
