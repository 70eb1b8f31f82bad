using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Formula.Syntax;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>The declaration with its formula parsed, bound and stabilized; <see cref="Formula"/> is null on errors.</summary>
internal sealed record BoundActivation(ActivationSpec Spec, Expr? Formula, bool IsRewritten, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>What code generation needs: no positions, no diagnostics.</summary>
    public ValidFormula ToFormula() => new(Spec, Formula, IsRewritten);

    public static BoundActivation Bind(Declaration declaration)
    {
        var spec = declaration.Spec;
        var diagnostics = declaration.Diagnostics.ToList();
        if (spec.Formula is not { Length: > 0 } text || string.IsNullOrWhiteSpace(text))
            return new BoundActivation(spec, null, false, diagnostics.ToEquatableArray());

        var (tree, syntaxError) = Parser.Parse(text);
        var errors = new List<FormulaError>();
        Expr? formula = null;
        bool rewritten = false;
        if (syntaxError is not null)
        {
            errors.Add(syntaxError);
        }
        else
        {
            var (bound, bindErrors) = Binder.Bind(tree!, spec.Parameters.Select(p => p.Name));
            errors.AddRange(bindErrors);
            formula = Stabilize.Rewrite(bound);
            rewritten = !formula.Equals(bound);
        }
        diagnostics.AddRange(errors.Select(e => WithSuggestion(
            DiagnosticInfo.Create(e.Descriptor, declaration.Source.Locate(e.Start, e.Length), e.Arguments), e)));
        bool valid = diagnostics.All(d => d.Descriptor.DefaultSeverity != Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        // A warning on top of an error is noise: unused parameters are reported only for valid declarations.
        if (valid)
            diagnostics.AddRange(UnusedParameters(declaration, tree!));
        return new BoundActivation(spec, valid ? formula : null, rewritten, diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// An unknown name or function with a suggestion carries both as properties, for the code fix that replaces
    /// one with the other (ActivationGen.CodeFixes reads them by these keys; the code-fix tests hold both ends together).
    /// </summary>
    private static DiagnosticInfo WithSuggestion(DiagnosticInfo diagnostic, FormulaError error)
    {
        if (error.Suggestion is not { } suggestion)
            return diagnostic;
        return diagnostic with
        {
            Properties = new DiagnosticProperty[]
            {
                new(DiagnosticProperty.Name, error.Arguments[0]),
                new(DiagnosticProperty.Suggestion, suggestion),
            }.ToEquatableArray(),
        };
    }

    private static IEnumerable<DiagnosticInfo> UnusedParameters(Declaration declaration, FormulaSyntax tree)
    {
        var spec = declaration.Spec;
        var used = new HashSet<string>();
        var pending = new Stack<FormulaSyntax>([tree]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case NameSyntax n: used.Add(n.Name); break;
                case UnarySyntax u: pending.Push(u.Operand); break;
                case BinarySyntax b: pending.Push(b.Left); pending.Push(b.Right); break;
                case ConditionalSyntax c: pending.Push(c.Condition); pending.Push(c.WhenTrue); pending.Push(c.WhenFalse); break;
                case CallSyntax c: foreach (var a in c.Arguments) pending.Push(a); break;
                case LetSyntax l: pending.Push(l.Value); pending.Push(l.Body); break;
            }
        }
        return spec.Parameters
            // Declarations read from metadata or made by a tool have no parameter positions: the formula stands in.
            .Select((p, i) => (p.Name, Location: i < declaration.ParameterLocations.Count ? declaration.ParameterLocations[i] : declaration.Source.Argument))
            .Where(p => !used.Contains(p.Name))
            .Select(p => DiagnosticInfo.Create(DiagnosticDescriptors.UnusedParameter, p.Location, p.Name, spec.Name));
    }
}
