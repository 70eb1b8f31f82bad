using ActivationGen.Generator.Explain;

namespace ActivationGen.Demo.Explain;

/// <summary>
/// <c>explain "FORMULA" [--input NAME]... [--param NAME]... [--trainable NAME]...</c>: what the generator makes of a
/// formula, printed from the generator's own core and from a run of the generator itself.
/// </summary>
public static class ExplainCommand
{
    public static int Run(TextWriter console, string formula, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters,
        IReadOnlyList<string> trainables, bool showSource = true)
    {
        if (formula.Contains('"'))
        {
            console.WriteLine("A formula cannot contain a double quote.");
            return 2;
        }
        if (inputs.Count == 0)
            inputs = ["x"];
        var (source, diagnostics) = GeneratorRun.Run(formula, inputs, parameters, trainables);
        console.WriteLine($"formula:    {formula}");
        console.WriteLine($"declared:   float {GeneratorRun.MethodName}({Signature(inputs, parameters, trainables)})");
        foreach (var diagnostic in diagnostics)
            PrintDiagnostic(console, formula, diagnostic);
        if (diagnostics.Any(d => d.Severity == "error"))
            return 1;

        var explanation = FormulaExplainer.Explain(formula, inputs, parameters, trainables);
        console.WriteLine($"parsed:     {explanation.Parsed}");
        console.WriteLine($"computed:   {explanation.Stabilized}");
        if (explanation.Rewrites.Count == 0)
            console.WriteLine("stability:  no rewrite needed");
        foreach (var rewrite in explanation.Rewrites)
            console.WriteLine($"stability:  {rewrite.Before}  ->  {rewrite.After}");
        foreach (var derivative in explanation.Derivatives)
            console.WriteLine($"{$"d/d{derivative.Name}:",-11} {derivative.Derivative}");
        console.WriteLine(explanation.FromOutput is { } fromOutput
            ? $"from y:     backward from the output alone (BackwardFromOutput): d/d{inputs[0]} = {fromOutput}, y = f({inputs[0]})"
            : inputs.Count == 1
                ? "from y:     none: the derivative cannot be written from the output alone, so a layer keeps the input"
                : "from y:     not offered for activations of several inputs");
        if (showSource && source is not null)
        {
            console.WriteLine();
            console.WriteLine("generated C#:");
            console.WriteLine(source);
        }
        return 0;
    }

    private static string Signature(IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, IReadOnlyList<string> trainables) =>
        string.Join(", ", inputs.Select(n => $"float {n}").Concat(parameters.Select(n => $"[Param] float {n}"))
            .Concat(trainables.Select(n => $"[Trainable] float {n}")));

    /// <summary>The compiler's text, then the formula with a caret under the exact characters.</summary>
    public static void PrintDiagnostic(TextWriter console, string formula, GeneratorDiagnostic diagnostic)
    {
        console.WriteLine($"{diagnostic.Severity} {diagnostic.Id}: {diagnostic.Message}");
        if (diagnostic.FormulaStart is not { } start)
            return;
        int length = Math.Max(1, Math.Min(diagnostic.Length, formula.Length - start));
        console.WriteLine($"    {formula}");
        console.WriteLine($"    {new string(' ', start)}{new string('^', length)}");
    }
}
