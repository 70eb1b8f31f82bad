using System.Linq;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Declarations;

internal sealed partial record ActivationSpec
{
    /// <summary>
    /// Reads an [Activation] method from its symbol alone, so that a method compiled into a referenced assembly
    /// reads exactly as the same method in source. Null when the declaration has an error (the source pipeline
    /// reports it) or cannot be called from outside its type; no diagnostics.
    /// </summary>
    public static ActivationSpec? FromSymbol(IMethodSymbol method, bool mustBePublic)
    {
        if (!method.IsStatic || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
            return null;
        if (ElementTypeOf(method.ReturnType) is not { } elementType || !IsCallable(method, mustBePublic))
            return null;
        string? formula = method.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ActivationAttribute)
            ?.ConstructorArguments.FirstOrDefault().Value as string;
        if (string.IsNullOrWhiteSpace(formula))
            return null;

        var ignored = new System.Collections.Generic.List<Diagnostics.DiagnosticInfo>();
        var parameters = method.Parameters.Select(p => new ParameterSpec(
            p.Name,
            SourceNames.Identifier(p.Name),
            KindOf(p, ignored),
            p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            ModifiersOf(p),
            DefaultOf(p, elementType))).ToArray();
        bool typesMatch = method.Parameters.All(p => ElementTypeOf(p.Type) == elementType && p.RefKind == RefKind.None && !p.IsParams);
        if (!typesMatch || ignored.Count > 0 || parameters.All(p => p.Kind != ParameterKind.Input))
            return null;

        return new ActivationSpec(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ContainingTypesOf(method.ContainingType).ToEquatableArray(),
            method.Name,
            SourceNames.Identifier(method.Name),
            "static ",
            "",
            "",
            SyntaxFacts.GetText(method.DeclaredAccessibility),
            method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            elementType,
            parameters.ToEquatableArray(),
            formula,
            CanImplement: false,
            SourceNames.HintName(method),
            EquatableArray<string>.Empty);
    }

    /// <summary>Generated code elsewhere in the assembly (or, for metadata, in another one) can call it.</summary>
    private static bool IsCallable(IMethodSymbol method, bool mustBePublic)
    {
        bool Visible(Microsoft.CodeAnalysis.Accessibility a) => a == Microsoft.CodeAnalysis.Accessibility.Public
            || (!mustBePublic && a is Microsoft.CodeAnalysis.Accessibility.Internal or Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal);
        if (!Visible(method.DeclaredAccessibility))
            return false;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            if (!Visible(type.DeclaredAccessibility) || type.IsGenericType)
                return false;
        return true;
    }
}
