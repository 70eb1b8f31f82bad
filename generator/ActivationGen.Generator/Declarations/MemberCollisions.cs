using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Diagnostics;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// Finds the user's members that the generated ones would clash with, so the user gets one AG error at their
/// member instead of a CS0111 inside generated code. The generator reserves <c>NameBackward</c>,
/// <c>NameBackwardFromOutput</c>, <c>NameWithDerivative</c>, <c>NameDerivative</c> and <c>NameActivation</c> beside every activation
/// (whether or not a from-output form exists, so that fixing a formula never makes a new clash), and the
/// forward span overload of <c>Name</c> itself.
/// </summary>
internal static class MemberCollisions
{
    public static readonly string[] Suffixes = ["Backward", "BackwardFromOutput", "WithDerivative", "Derivative", "Activation"];

    /// <summary>
    /// One error per clashing user member; <paramref name="taken"/> receives the generated members' names to
    /// leave out ("BDerivative"; "B" for the forward span overload), so that no clash reaches generated code.
    /// </summary>
    public static IEnumerable<DiagnosticInfo> Find(IMethodSymbol method, string attribute, SourceSpan fallback, ISet<string> taken)
    {
        if (method.ContainingType is not { } type)
            yield break;
        // Overloaded activations would share one struct name: the first declared keeps it, the others go without
        // it (no error, since nothing of the user's clashes); their span and scalar members differ by signature.
        if (IsLaterOverload(method, attribute))
            taken.Add(method.Name + "Activation");
        var reserved = new HashSet<string>(Suffixes.Select(s => method.Name + s));
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || SymbolEqualityComparer.Default.Equals(member, method))
                continue;
            bool clashes = reserved.Contains(member.Name)
                || (member.Name == method.Name && member is not IMethodSymbol)
                || (member.Name == method.Name && member is IMethodSymbol other && !IsActivation(other, attribute) && IsForwardSpanOverload(other, method));
            if (clashes && taken.Add(member.Name))
                yield return DiagnosticInfo.Create(DiagnosticDescriptors.MemberCollision,
                    member.Locations.FirstOrDefault(l => l.IsInSource) is { } at ? SourceSpan.From(at) : fallback,
                    member.Name, method.Name);
        }
    }

    /// <summary>A second [Activation] definition with the same signature: the compiler reports it (CS0111); only the first is implemented.</summary>
    public static bool IsRepeatedDefinition(IMethodSymbol method, string attribute)
    {
        if (method.ContainingType is not { } type || method.Locations.FirstOrDefault() is not { } here)
            return false;
        return type.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
            !SymbolEqualityComparer.Default.Equals(other, method)
            && IsActivation(other, attribute)
            && SameParameterTypes(other, method)
            && other.Locations.FirstOrDefault() is { } there
            && Precedes(there, here));
    }

    private static bool IsLaterOverload(IMethodSymbol method, string attribute) =>
        method.ContainingType is { } type && method.Locations.FirstOrDefault() is { } here
        && type.GetMembers(method.Name).OfType<IMethodSymbol>().Any(other =>
            !SymbolEqualityComparer.Default.Equals(other, method)
            && IsActivation(other, attribute)
            && !SameParameterTypes(other, method)
            && other.Locations.FirstOrDefault() is { } there
            && Precedes(there, here));

    private static bool IsActivation(IMethodSymbol method, string attribute) =>
        method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == attribute);

    private static bool SameParameterTypes(IMethodSymbol a, IMethodSymbol b) =>
        a.Parameters.Length == b.Parameters.Length
        && a.Parameters.Zip(b.Parameters, (p, q) => SymbolEqualityComparer.Default.Equals(p.Type, q.Type) && p.RefKind == q.RefKind).All(same => same);

    private static bool Precedes(Location a, Location b)
    {
        int byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
        return byFile != 0 ? byFile < 0 : a.SourceSpan.Start < b.SourceSpan.Start;
    }

    /// <summary>The forward span member is Name(ReadOnlySpan&lt;T&gt; inputs…, Span&lt;T&gt; y, T parameters…).</summary>
    private static bool IsForwardSpanOverload(IMethodSymbol user, IMethodSymbol activation)
    {
        var inputs = activation.Parameters.Count(p => !p.GetAttributes().Any(a => a.AttributeClass?.Name is "ParamAttribute" or "TrainableAttribute"));
        int expected = activation.Parameters.Length + 1;
        if (user.Parameters.Length != expected || user.Parameters.Any(p => p.RefKind != RefKind.None))
            return false;
        for (int i = 0; i < expected; i++)
        {
            string wanted = i < inputs ? "ReadOnlySpan" : i == inputs ? "Span" : "";
            var parameterType = user.Parameters[i].Type;
            bool matches = wanted.Length > 0
                ? parameterType is INamedTypeSymbol { Name: var name, Arity: 1, ContainingNamespace.Name: "System" } && name == wanted
                : parameterType.SpecialType is SpecialType.System_Single or SpecialType.System_Double;
            if (!matches)
                return false;
        }
        return true;
    }
}
