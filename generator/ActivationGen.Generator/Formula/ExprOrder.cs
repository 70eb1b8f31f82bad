using System;
using System.Collections.Generic;

namespace ActivationGen.Generator.Formula;

/// <summary>A total order on trees, used to put operands of commutative operations in canonical order.</summary>
internal sealed class ExprOrder : IComparer<Expr>
{
    public static readonly ExprOrder Instance = new();

    public int Compare(Expr? left, Expr? right)
    {
        if (ReferenceEquals(left, right))
            return 0;
        int byKind = Rank(left!).CompareTo(Rank(right!));
        if (byKind != 0)
            return byKind;
        switch (left)
        {
            case Num a:
                return a.Value.CompareTo(((Num)right!).Value);
            case Var a:
                return string.CompareOrdinal(a.Name, ((Var)right!).Name);
            default:
                var x = (Apply)left!;
                var y = (Apply)right!;
                int byOp = x.Op.CompareTo(y.Op);
                if (byOp != 0)
                    return byOp;
                for (int i = 0; i < Math.Min(x.Args.Count, y.Args.Count); i++)
                {
                    int byArg = Compare(x.Args[i], y.Args[i]);
                    if (byArg != 0)
                        return byArg;
                }
                return x.Args.Count.CompareTo(y.Args.Count);
        }
    }

    private static int Rank(Expr e) => e switch { Num => 0, Var => 1, _ => 2 };
}
