using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Explain;

/// <summary>
/// The generator's formula core as a library, for tools that show what the generator does with a formula
/// (the tour's <c>explain</c>): the same parse, bind, stabilize and differentiate steps the generator runs,
/// called through the same pipeline records, so what a tool prints is what the generator emits.
/// </summary>
public static class FormulaExplainer
{
    /// <summary>Explains <paramref name="formula"/> over the given inputs, hyperparameters and trainables (names in declaration order).</summary>
    public static FormulaExplanation Explain(string formula, IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, IReadOnlyList<string> trainables)
    {
        var spec = Spec(inputs, parameters, trainables, formula);
        var declaration = new Declaration(spec, IdentitySource(formula), EquatableArray<SourceSpan>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        var bound = BoundActivation.Bind(declaration);
        var diagnostics = bound.Diagnostics.Select(ToExplained).ToList();
        if (bound.Formula is not { } stabilized)
            return new FormulaExplanation(formula, null, null, [], [], null, diagnostics);

        var unstabilized = Unstabilized(formula, spec);
        var kernels = ActivationKernels.LowerAll(DifferentiatedActivation.Differentiate(bound.ToFormula()));
        var names = inputs.Concat(trainables).ToList();
        var derivatives = names.Select((name, i) => new NamedDerivative(name, kernels.PartialDocs[i])).ToList();
        return new FormulaExplanation(
            formula,
            Printer.Print(unstabilized),
            Printer.Print(stabilized),
            Rewrites(unstabilized).ToList(),
            derivatives,
            kernels.FromOutputDoc,
            diagnostics);
    }

    private static ActivationSpec Spec(IReadOnlyList<string> inputs, IReadOnlyList<string> parameters, IReadOnlyList<string> trainables, string formula)
    {
        ParameterSpec Parameter(string name, ParameterKind kind) => new(name, SourceNames.Identifier(name), kind, "float", "", null);
        var all = inputs.Select(n => Parameter(n, ParameterKind.Input))
            .Concat(parameters.Select(n => Parameter(n, ParameterKind.Param)))
            .Concat(trainables.Select(n => Parameter(n, ParameterKind.Trainable)));
        return new ActivationSpec(null, EquatableArray<ContainingType>.Empty, "F", "F", "public static partial", "", "", "public",
            "float", ElementType.Single, all.ToEquatableArray(), formula, CanImplement: true, "F.g.cs", EquatableArray<string>.Empty);
    }

    /// <summary>A source whose positions are the formula's own character offsets, so diagnostics point into the formula.</summary>
    private static FormulaSource IdentitySource(string formula)
    {
        var whole = new SourceSpan("", 0, formula.Length, 0, 0, 0, formula.Length);
        return new FormulaSource(whole, Enumerable.Range(0, formula.Length + 1).ToEquatableArray());
    }

    /// <summary>The bound formula before the stability rewrites (only called for a formula that binds without errors).</summary>
    private static Expr Unstabilized(string formula, ActivationSpec spec)
    {
        var (tree, _) = Formula.Syntax.Parser.Parse(formula);
        return Binder.Bind(tree!, spec.Parameters.Select(p => p.Name)).Expr;
    }

    /// <summary>
    /// Each place where a stability rule fired: the node as rebuilt from its already-stabilized children,
    /// and what the rule made of it. Outermost first.
    /// </summary>
    private static IEnumerable<StabilityRewrite> Rewrites(Expr expr)
    {
        if (expr is not Apply node)
            yield break;
        var rebuilt = Stabilize.Rebuild(node.Op, node.Args.Select(Stabilize.Rewrite).ToArray());
        var rewritten = Stabilize.Rewrite(node);
        if (!rebuilt.Equals(rewritten))
            yield return new StabilityRewrite(Printer.Print(rebuilt), Printer.Print(rewritten));
        foreach (var child in node.Args)
            foreach (var inner in Rewrites(child))
                yield return inner;
    }

    private static ExplainedDiagnostic ToExplained(DiagnosticInfo info)
    {
        // Only the message and severity are needed: the position is the formula offset the info carries.
        var diagnostic = Microsoft.CodeAnalysis.Diagnostic.Create(info.Descriptor, Microsoft.CodeAnalysis.Location.None, [.. info.Arguments]);
        return new ExplainedDiagnostic(info.Descriptor.Id, diagnostic.Severity.ToString().ToLowerInvariant(),
            diagnostic.GetMessage(CultureInfo.InvariantCulture), info.Location?.Start ?? 0, info.Location?.Length ?? 0);
    }
}

/// <summary>What the generator makes of a formula; <see cref="Stabilized"/> is null when the formula has errors.</summary>
public sealed class FormulaExplanation(
    string formula, string? parsed, string? stabilized, IReadOnlyList<StabilityRewrite> rewrites,
    IReadOnlyList<NamedDerivative> derivatives, string? fromOutput, IReadOnlyList<ExplainedDiagnostic> diagnostics)
{
    /// <summary>The formula as written.</summary>
    public string Formula { get; } = formula;

    /// <summary>The formula after parsing, binding and the simplifying constructors (constants folded), before the stability rewrites.</summary>
    public string? Parsed { get; } = parsed;

    /// <summary>The formula after the stability rewrites: what the kernels compute (before the guards that change no finite result).</summary>
    public string? Stabilized { get; } = stabilized;

    /// <summary>Each stability rewrite that fired, outermost first.</summary>
    public IReadOnlyList<StabilityRewrite> Rewrites { get; } = rewrites;

    /// <summary>∂f/∂name for every input, then every trainable: the text of the generated XML docs.</summary>
    public IReadOnlyList<NamedDerivative> Derivatives { get; } = derivatives;

    /// <summary>∂f/∂x written from y = f(x) alone (the BackwardFromOutput kernel), or null when the generator finds none.</summary>
    public string? FromOutput { get; } = fromOutput;

    /// <summary>The formula's diagnostics, positioned by character offset into <see cref="Formula"/>.</summary>
    public IReadOnlyList<ExplainedDiagnostic> Diagnostics { get; } = diagnostics;
}

/// <summary>One fired stability rule: <see cref="Before"/> became <see cref="After"/>.</summary>
public sealed class StabilityRewrite(string before, string after)
{
    /// <summary>The fragile shape, as written (with its children already rewritten).</summary>
    public string Before { get; } = before;

    /// <summary>The stable form the generator computes instead.</summary>
    public string After { get; } = after;
}

/// <summary>∂f/∂<see cref="Name"/> in readable math.</summary>
public sealed class NamedDerivative(string name, string derivative)
{
    /// <summary>The input or trainable parameter.</summary>
    public string Name { get; } = name;

    /// <summary>The simplified derivative, in the formula language.</summary>
    public string Derivative { get; } = derivative;
}

/// <summary>A diagnostic of the formula: its ID, severity, message, and the characters it points at.</summary>
public sealed class ExplainedDiagnostic(string id, string severity, string message, int start, int length)
{
    /// <summary>AG0001….</summary>
    public string Id { get; } = id;

    /// <summary>"error" or "warning".</summary>
    public string Severity { get; } = severity;

    /// <summary>The message, as the compiler prints it.</summary>
    public string Message { get; } = message;

    /// <summary>Offset of the first character in the formula.</summary>
    public int Start { get; } = start;

    /// <summary>Number of characters (at least one).</summary>
    public int Length { get; } = length;
}
