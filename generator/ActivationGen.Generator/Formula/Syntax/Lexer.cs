using System.Collections.Generic;
using System.Globalization;
using ActivationGen.Generator.Diagnostics;

namespace ActivationGen.Generator.Formula.Syntax;

/// <summary>Splits formula text into tokens; the first bad character becomes an error at its offset.</summary>
internal static class Lexer
{
    private static readonly string[] Operators = ["<=", ">=", "==", "!=", "&&", "||", "+", "-", "*", "/", "^", "(", ")", ",", "?", ":", "<", ">", "!", "="];

    public static (List<Token> Tokens, FormulaError? Error) Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                int start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                    i++;
                if (i < text.Length && (text[i] == 'e' || text[i] == 'E') && ExponentFollows(text, i + 1))
                {
                    i++;
                    if (text[i] == '+' || text[i] == '-')
                        i++;
                    while (i < text.Length && char.IsDigit(text[i]))
                        i++;
                }
                string literal = text.Substring(start, i - start);
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    return (tokens, new FormulaError(DiagnosticDescriptors.SyntaxError, start, literal.Length, $"'{literal}' is not a number"));
                tokens.Add(new Token(TokenKind.Number, literal, start, value));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    i++;
                tokens.Add(new Token(TokenKind.Name, text.Substring(start, i - start), start));
            }
            else if (string.CompareOrdinal(text, i, "**", 0, 2) == 0)
            {
                return (tokens, new FormulaError(DiagnosticDescriptors.SyntaxError, i, 2, "'**' is not an operator; write '^' for a power (x^2)"));
            }
            else if (MatchOperator(text, i) is { } op)
            {
                tokens.Add(new Token(TokenKind.Operator, op, i));
                i += op.Length;
            }
            else
            {
                string hint = c is '&' or '|' ? $" (did you mean '{c}{c}'?)" : "";
                return (tokens, new FormulaError(DiagnosticDescriptors.SyntaxError, i, 1, $"unexpected character '{c}'{hint}"));
            }
        }
        tokens.Add(new Token(TokenKind.End, "", text.Length));
        return (tokens, null);
    }

    private static bool ExponentFollows(string text, int i)
    {
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
            i++;
        return i < text.Length && char.IsDigit(text[i]);
    }

    private static string? MatchOperator(string text, int i)
    {
        foreach (var op in Operators)
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
                return op;
        return null;
    }
}
