using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Declarations;

/// <summary>How the declaration's names are written in generated code and in the generated file's name.</summary>
internal static class SourceNames
{
    /// <summary>Keywords need '@' to be identifiers: a parameter named <c>@in</c> is <c>in</c> to Roslyn.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// "Users.Models.MyActivations.Swish(float,float).g.cs": namespace, enclosing types with their generic
    /// arity, the method, and its parameter types, so that float and double overloads, or two arities, get
    /// different files. Characters Roslyn refuses in hint names become '_'.
    /// </summary>
    public static string HintName(IMethodSymbol method)
    {
        var text = new StringBuilder();
        if (method.ContainingNamespace is { IsGlobalNamespace: false } ns)
            text.Append(ns.ToDisplayString()).Append('.');
        var types = new System.Collections.Generic.Stack<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            types.Push(type.Arity == 0 ? type.Name : type.Name + "`" + type.Arity);
        foreach (var type in types)
            text.Append(type).Append('.');
        text.Append(method.Name).Append('(');
        text.Append(string.Join(",", method.Parameters.Select(p => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))));
        text.Append(')');
        for (int i = 0; i < text.Length; i++)
            if (!IsAllowed(text[i]))
                text[i] = '_';
        return text.Append(".g.cs").ToString();
    }

    private static bool IsAllowed(char c) =>
        char.IsLetterOrDigit(c) || c is '.' or ',' or '(' or ')' or '`' or '_' or '[' or ']' or '-';
}
