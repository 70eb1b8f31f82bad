using System;
using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Formula.Syntax;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// Turns the parse tree into a formula tree: resolves names (parameters shadow the constants pi and e),
/// checks arity, and keeps truth values (comparisons, &&, ||, !) apart from numbers.
/// </summary>
internal sealed class Binder
{
    private static readonly Dictionary<string, double> Constants = new() { ["pi"] = Math.PI, ["e"] = Math.E };

    private readonly HashSet<string> parameters;
    private readonly List<FormulaError> errors = [];

    // Locals of enclosing let's, innermost last, with whether the body used them.
    private readonly List<(string Name, Expr Value, bool Used)> locals = [];

    private Binder(IEnumerable<string> parameters) => this.parameters = new HashSet<string>(parameters, StringComparer.Ordinal);

    public static (Expr Expr, List<FormulaError> Errors) Bind(FormulaSyntax tree, IEnumerable<string> parameters)
    {
        var binder = new Binder(parameters);
        var expr = binder.Number(tree);
        return (expr, binder.errors);
    }

    /// <summary>Binds a node that must be a number.</summary>
    private Expr Number(FormulaSyntax node)
    {
        var (expr, isTruth) = BindNode(node);
        if (isTruth)
            Error(DiagnosticDescriptors.TypeMismatch, node,
                "A comparison or logical expression cannot be used as a number; write 'condition ? 1 : 0'");
        return expr;
    }

    /// <summary>Binds a node that must be a truth value.</summary>
    private Expr Truth(FormulaSyntax node)
    {
        var (expr, isTruth) = BindNode(node);
        if (!isTruth)
            Error(DiagnosticDescriptors.TypeMismatch, node,
                "A number cannot be used as a condition; compare it, for example 'x > 0'");
        return expr;
    }

    private (Expr Expr, bool IsTruth) BindNode(FormulaSyntax node) => node switch
    {
        NumberSyntax n => (Trees.Num(n.Value), false),
        NameSyntax n => (Name(n), false),
        CallSyntax c => (Call(c), false),
        ConditionalSyntax c => (Trees.Select(Truth(c.Condition), Number(c.WhenTrue), Number(c.WhenFalse)), false),
        UnarySyntax { Operator: "!" } u => (Trees.Logic(Op.Not, Truth(u.Operand)), true),
        UnarySyntax u => (Trees.Negate(Number(u.Operand)), false),
        BinarySyntax b => Binary(b),
        LetSyntax l => (Let(l), false),
        _ => throw new InvalidOperationException("unknown syntax " + node.GetType().Name),
    };

    private (Expr, bool) Binary(BinarySyntax b)
    {
        if (!Functions.BinaryOperators.TryGetValue(b.Operator, out var f))
            throw new InvalidOperationException("ActivationGen internal error: the parser made an unknown operator " + b.Operator);
        var args = f.Op is Op.And or Op.Or ? new[] { Truth(b.Left), Truth(b.Right) } : new[] { Number(b.Left), Number(b.Right) };
        return (f.Build(args), f.YieldsTruth);
    }

    /// <summary>Binds the value, then the body with the name standing for the value's tree: sharing is left to CSE.</summary>
    private Expr Let(LetSyntax l)
    {
        string name = l.Name.Name;
        if (parameters.Contains(name) || Constants.ContainsKey(name) || locals.Any(x => x.Name == name)
            || Functions.ByName.ContainsKey(name) || Sugar.Expansions.ContainsKey(name))
            Error(DiagnosticDescriptors.DuplicateLocal, l.Name, name);
        var value = Number(l.Value);
        locals.Add((name, value, false));
        var body = Number(l.Body);
        var local = locals[locals.Count - 1];
        locals.RemoveAt(locals.Count - 1);
        if (!local.Used)
            Error(DiagnosticDescriptors.UnusedLocal, l.Name, name);
        return body;
    }

    private Expr Name(NameSyntax n)
    {
        for (int i = locals.Count - 1; i >= 0; i--)
            if (locals[i].Name == n.Name)
            {
                locals[i] = (locals[i].Name, locals[i].Value, true);
                return locals[i].Value;
            }
        if (parameters.Contains(n.Name))
            return Trees.Var(n.Name);
        if (Constants.TryGetValue(n.Name, out double value))
            return Trees.Num(value);
        if (Functions.ByName.ContainsKey(n.Name) || Sugar.Expansions.ContainsKey(n.Name))
        {
            Error(DiagnosticDescriptors.UnknownName, n, n.Name, $"; '{n.Name}' is a function, call it as {n.Name}(…)");
            return Trees.Zero;
        }
        Unknown(DiagnosticDescriptors.UnknownName, n, n.Name, Nearest(n.Name, parameters.Concat(Constants.Keys).Concat(locals.Select(l => l.Name))));
        return Trees.Zero;
    }

    private Expr Call(CallSyntax c)
    {
        var args = c.Arguments.Select(Number).ToArray();
        string name = c.Function.Name;
        if (Sugar.Expansions.TryGetValue(name, out var expand))
        {
            if (args.Length == 1)
                return expand(args[0]);
            Error(DiagnosticDescriptors.WrongArgumentCount, c, name, "1", args.Length.ToString());
            return Trees.Zero;
        }
        if (!Functions.ByName.TryGetValue(name, out var function))
        {
            if (Sugar.Suggestions.TryGetValue(name, out var formula))
                Error(DiagnosticDescriptors.UnknownFunction, c.Function, name, $"; write the formula, for example '{formula}'");
            else
                Unknown(DiagnosticDescriptors.UnknownFunction, c.Function, name, Nearest(name, Functions.ByName.Keys.Concat(Sugar.Expansions.Keys)));
            return Trees.Zero;
        }
        if (args.Length != function.Arity)
        {
            Error(DiagnosticDescriptors.WrongArgumentCount, c, c.Function.Name, function.Arity.ToString(), args.Length.ToString());
            return Trees.Zero;
        }
        return function.Build(args);
    }

    private void Error(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, FormulaSyntax at, params string[] arguments) =>
        errors.Add(new FormulaError(descriptor, at.Start, at.Length, arguments));

    /// <summary>An unknown name, with "; did you mean 'sigmoid'?" in the message and the suggestion itself on the error (for the code fix).</summary>
    private void Unknown(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, FormulaSyntax at, string name, string? suggestion) =>
        errors.Add(new FormulaError(descriptor, at.Start, at.Length, name, suggestion is null ? "" : $"; did you mean '{suggestion}'?") { Suggestion = suggestion });

    /// <summary>The nearest candidate within a small edit distance, or null.</summary>
    private static string? Nearest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(name.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
