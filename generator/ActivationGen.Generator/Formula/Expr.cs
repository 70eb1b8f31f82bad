using System;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Formula;

/// <summary>
/// An immutable formula tree with structural equality: equal formulas are equal values, which is what lets
/// the lowering share every repeated subexpression. Build nodes through <see cref="Trees"/>, which simplifies.
/// </summary>
internal abstract record Expr
{
    /// <summary>Height of the tree; bounded so that recursive passes cannot overflow the stack.</summary>
    public abstract int Depth { get; }
}

internal sealed record Num(double Value) : Expr
{
    public override int Depth => 1;

    // By bits, so that −0 is not 0: sharing one constant for both would turn 1/−0 = −∞ into +∞.
    public bool Equals(Num? other) => other is not null && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode() => BitConverter.DoubleToInt64Bits(Value).GetHashCode();
}

/// <summary>A parameter of the declaration (input, hyperparameter or trainable) or the incoming gradient.</summary>
internal sealed record Var(string Name) : Expr
{
    public override int Depth => 1;
}

internal sealed record Apply : Expr
{
    private readonly int hash;

    public Apply(Op op, EquatableArray<Expr> args)
    {
        Op = op;
        Args = args;
        int depth = 0;
        foreach (var arg in args)
            depth = Math.Max(depth, arg.Depth);
        Depth = depth + 1;
        hash = unchecked((int)op * 397 ^ args.GetHashCode());
    }

    public Op Op { get; }

    public EquatableArray<Expr> Args { get; }

    public override int Depth { get; }

    public Expr this[int index] => Args[index];

    public bool Equals(Apply? other) =>
        ReferenceEquals(this, other) || (other is not null && hash == other.hash && Op == other.Op && Args.Equals(other.Args));

    public override int GetHashCode() => hash;
}
