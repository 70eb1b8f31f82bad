using System.Collections.Generic;

namespace ActivationGen.Generator.Formula.Syntax;

/// <summary>The parse tree, with the position of every piece inside the formula text for diagnostics.</summary>
internal abstract record FormulaSyntax(int Start, int Length)
{
    public int End => Start + Length;

    public abstract int Height { get; }
}

internal sealed record NumberSyntax(double Value, int Start, int Length) : FormulaSyntax(Start, Length)
{
    public override int Height => 1;
}

internal sealed record NameSyntax(string Name, int Start, int Length) : FormulaSyntax(Start, Length)
{
    public override int Height => 1;
}

internal sealed record UnarySyntax(string Operator, FormulaSyntax Operand, int Start)
    : FormulaSyntax(Start, Operand.End - Start)
{
    public override int Height { get; } = Operand.Height + 1;
}

internal sealed record BinarySyntax(string Operator, FormulaSyntax Left, FormulaSyntax Right)
    : FormulaSyntax(Left.Start, Right.End - Left.Start)
{
    public override int Height { get; } = System.Math.Max(Left.Height, Right.Height) + 1;
}

internal sealed record CallSyntax(NameSyntax Function, IReadOnlyList<FormulaSyntax> Arguments, int End_)
    : FormulaSyntax(Function.Start, End_ - Function.Start)
{
    public override int Height { get; } = Tallest(Arguments) + 1;

    private static int Tallest(IReadOnlyList<FormulaSyntax> arguments)
    {
        int height = 0;
        foreach (var argument in arguments)
            height = System.Math.Max(height, argument.Height);
        return height;
    }
}

internal sealed record ConditionalSyntax(FormulaSyntax Condition, FormulaSyntax WhenTrue, FormulaSyntax WhenFalse)
    : FormulaSyntax(Condition.Start, WhenFalse.End - Condition.Start)
{
    public override int Height { get; } = System.Math.Max(Condition.Height, System.Math.Max(WhenTrue.Height, WhenFalse.Height)) + 1;
}

/// <summary><c>let name = value in body</c>: a local name for a subexpression, desugared by the binder.</summary>
internal sealed record LetSyntax(NameSyntax Name, FormulaSyntax Value, FormulaSyntax Body, int Start)
    : FormulaSyntax(Start, Body.End - Start)
{
    public override int Height { get; } = System.Math.Max(Value.Height, Body.Height) + 1;
}
