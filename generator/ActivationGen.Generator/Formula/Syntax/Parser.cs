using System;
using System.Collections.Generic;
using ActivationGen.Generator.Diagnostics;

namespace ActivationGen.Generator.Formula.Syntax;

/// <summary>
/// Recursive descent over the grammar of DESIGN.md, loosest first: let … in …, ?: , ||, &&, comparisons,
/// + -, * /, unary - !, ^ (right-associative, tighter than unary minus).
/// Depth is bounded, so a formula nested thousands of levels deep is an error, never a stack overflow.
/// </summary>
internal sealed class Parser
{
    public const int MaxDepth = 200;

    private static readonly string[][] BinaryLevels =
    [
        ["||"],
        ["&&"],
        ["<", "<=", ">", ">=", "==", "!="],
        ["+", "-"],
        ["*", "/"],
    ];

    private readonly List<Token> tokens;
    private int position;
    private int depth;

    private Parser(List<Token> tokens) => this.tokens = tokens;

    public static (FormulaSyntax? Tree, FormulaError? Error) Parse(string text)
    {
        var (tokens, lexError) = Lexer.Tokenize(text);
        if (lexError is not null)
            return (null, lexError);
        var parser = new Parser(tokens);
        try
        {
            var tree = parser.ParseConditional();
            if (parser.Current.Kind != TokenKind.End)
                return (null, parser.Unexpected("an operator"));
            return (tree, null);
        }
        catch (SyntaxException e)
        {
            return (null, e.Error);
        }
    }

    private Token Current => tokens[position];

    private FormulaSyntax ParseConditional()
    {
        if (Current.Kind == TokenKind.Name && Current.Text == "let")
            return ParseLet();
        Enter();
        var condition = ParseBinary(0);
        if (Current.Is("?"))
        {
            position++;
            var whenTrue = ParseConditional();
            Expect(":");
            var whenFalse = ParseConditional();
            condition = Check(new ConditionalSyntax(condition, whenTrue, whenFalse));
        }
        depth--;
        return condition;
    }

    /// <summary><c>let name = value in body</c>; the body extends as far as it can, like a conditional's last part.</summary>
    private FormulaSyntax ParseLet()
    {
        var let = Current;
        position++;
        Enter();
        if (Current.Kind != TokenKind.Name || Current.Text is "let" or "in")
            throw new SyntaxException(Unexpected("a name after 'let'"));
        var name = new NameSyntax(Current.Text, Current.Start, Current.Length);
        position++;
        Expect("=");
        var value = ParseConditional();
        if (!(Current.Kind == TokenKind.Name && Current.Text == "in"))
            throw new SyntaxException(Unexpected($"'in' after the value of '{name.Name}'"));
        position++;
        var body = ParseConditional();
        depth--;
        return Check(new LetSyntax(name, value, body, let.Start));
    }

    private FormulaSyntax ParseBinary(int level)
    {
        if (level == BinaryLevels.Length)
            return ParseUnary();
        var left = ParseBinary(level + 1);
        while (Current.Kind == TokenKind.Operator && Array.IndexOf(BinaryLevels[level], Current.Text) >= 0)
        {
            string op = Current.Text;
            position++;
            left = Check(new BinarySyntax(op, left, ParseBinary(level + 1)));
        }
        return left;
    }

    private FormulaSyntax ParseUnary()
    {
        if (Current.Is("-") || Current.Is("!") || Current.Is("+"))
        {
            var op = Current;
            position++;
            Enter();
            var operand = ParseUnary();
            depth--;
            return op.Text == "+" ? operand : Check(new UnarySyntax(op.Text, operand, op.Start));
        }
        return ParsePower();
    }

    private FormulaSyntax ParsePower()
    {
        var basis = ParsePrimary();
        if (!Current.Is("^"))
            return basis;
        position++;
        Enter();
        var exponent = ParseUnary();
        depth--;
        return Check(new BinarySyntax("^", basis, exponent));
    }

    private FormulaSyntax ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                position++;
                return new NumberSyntax(token.Value, token.Start, token.Length);
            case TokenKind.Name:
                position++;
                var name = new NameSyntax(token.Text, token.Start, token.Length);
                return Current.Is("(") ? ParseCall(name) : name;
            case TokenKind.Operator when token.Is("("):
                position++;
                var inner = ParseConditional();
                Close(token);
                return inner;
            default:
                throw new SyntaxException(Unexpected("a number, a name or '('"));
        }
    }

    private FormulaSyntax ParseCall(NameSyntax function)
    {
        int open = position;
        position++;
        var arguments = new List<FormulaSyntax>();
        if (!Current.Is(")"))
        {
            arguments.Add(ParseConditional());
            while (Current.Is(","))
            {
                position++;
                arguments.Add(ParseConditional());
            }
        }
        int end = Current.Start + 1;
        Close(tokens[open]);
        return Check(new CallSyntax(function, arguments, end));
    }

    /// <summary>Expects the ')' of <paramref name="open"/>; at the end of the formula, the error points at that '('.</summary>
    private void Close(Token open)
    {
        if (Current.Is(")"))
        {
            position++;
            return;
        }
        if (Current.Kind == TokenKind.End)
            throw new SyntaxException(new FormulaError(DiagnosticDescriptors.SyntaxError, open.Start, 1, "this '(' is never closed; add ')'"));
        throw new SyntaxException(Unexpected("')' to close the '(' at " + (open.Start + 1)));
    }

    private void Expect(string op)
    {
        if (!Current.Is(op))
            throw new SyntaxException(Unexpected($"'{op}'"));
        position++;
    }

    private FormulaError Unexpected(string expected)
    {
        var token = Current;
        return new FormulaError(DiagnosticDescriptors.SyntaxError, token.Start, Math.Max(token.Length, 1),
            $"expected {expected} but found {token.Describe()}");
    }

    private void Enter()
    {
        if (++depth > MaxDepth)
            throw new SyntaxException(new FormulaError(DiagnosticDescriptors.TooDeep, Current.Start, 1, $"more than {MaxDepth}", MaxDepth.ToString()));
    }

    private static FormulaSyntax Check(FormulaSyntax node)
    {
        // Long flat chains (x+x+…+x) are shallow to parse but deep as trees; bound the tree too.
        if (node.Height > MaxDepth)
            throw new SyntaxException(new FormulaError(DiagnosticDescriptors.TooDeep, node.Start, node.Length, node.Height.ToString(), MaxDepth.ToString()));
        return node;
    }

    private sealed class SyntaxException(FormulaError error) : Exception
    {
        public FormulaError Error { get; } = error;
    }
}
