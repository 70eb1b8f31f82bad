namespace ActivationGen.Generator.Formula.Syntax;

internal enum TokenKind
{
    Number,
    Name,
    Operator,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Start, double Value = 0)
{
    public int Length => Text.Length;

    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;

    public string Describe() => Kind == TokenKind.End ? "the end of the formula" : $"'{Text}'";
}
