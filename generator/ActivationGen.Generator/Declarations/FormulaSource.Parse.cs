using System.Collections.Immutable;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ActivationGen.Generator.Declarations;

internal sealed partial record FormulaSource
{
    public static FormulaSource From(ExpressionSyntax argument)
    {
        var whole = SourceSpan.From(argument.GetLocation());
        if (argument is not LiteralExpressionSyntax { Token: var token } || token.Text.IndexOf('\n') >= 0)
            return new FormulaSource(whole, EquatableArray<int>.Empty);

        var offsets = ContentOffsets(token);
        if (offsets.IsDefault || offsets.Length != token.ValueText.Length + 1)
            return new FormulaSource(whole, EquatableArray<int>.Empty);
        return new FormulaSource(whole, offsets);
    }

    /// <summary>Absolute position of each character of the literal's value, and one past the last.</summary>
    private static ImmutableArray<int> ContentOffsets(SyntaxToken token)
    {
        string text = token.Text;
        var offsets = ImmutableArray.CreateBuilder<int>();
        int start = token.SpanStart;
        switch (token.Kind())
        {
            case SyntaxKind.SingleLineRawStringLiteralToken:
            {
                int quotes = 0;
                while (quotes < text.Length && text[quotes] == '"')
                    quotes++;
                for (int i = quotes; i <= text.Length - quotes; i++)
                    offsets.Add(start + i);
                return offsets.ToImmutable();
            }
            case SyntaxKind.StringLiteralToken when text.StartsWith("@\"", System.StringComparison.Ordinal):
                for (int i = 2; i < text.Length - 1; i++)
                {
                    offsets.Add(start + i);
                    if (text[i] == '"')
                        i++;
                }
                offsets.Add(start + text.Length - 1);
                return offsets.ToImmutable();
            case SyntaxKind.StringLiteralToken when text.StartsWith("\"", System.StringComparison.Ordinal):
                for (int i = 1; i < text.Length - 1; i++)
                {
                    offsets.Add(start + i);
                    if (text[i] == '\\')
                        i += EscapeLength(text, i) - 1;
                }
                offsets.Add(start + text.Length - 1);
                return offsets.ToImmutable();
            default:
                return default;
        }
    }

    private static int EscapeLength(string text, int backslash)
    {
        char kind = backslash + 1 < text.Length ? text[backslash + 1] : ' ';
        switch (kind)
        {
            case 'u':
                return 6;
            case 'U':
                return 10;
            case 'x':
                int length = 2;
                while (length < 6 && backslash + length < text.Length && System.Uri.IsHexDigit(text[backslash + length]))
                    length++;
                return length;
            default:
                return 2;
        }
    }
}
