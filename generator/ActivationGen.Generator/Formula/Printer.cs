using System.Globalization;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>Writes a tree back in the formula language, with only the parentheses that precedence needs.</summary>
internal static class Printer
{
    public static string Print(Expr e) => Print(e, 0);

    private static string Print(Expr e, int context)
    {
        var (text, precedence) = e switch
        {
            Num n => (Number(n.Value), n.Value < 0 ? 6 : 9),
            Var v => (v.Name, 9),
            Apply a => Node(a),
            _ => throw new System.InvalidOperationException("ActivationGen internal error: unknown tree node " + e.GetType().Name),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    private static (string, int) Node(Apply a)
    {
        var f = Functions.Of(a.Op);
        int p = f.Precedence;
        return f.Notation switch
        {
            Notation.Conditional => ($"{Print(a[0], 1)} ? {Print(a[1], 1)} : {Print(a[2], 0)}", 0),
            Notation.LeftInfix => ($"{Print(a[0], p)} {f.Name} {Print(a[1], p + 1)}", p),
            Notation.RightInfix => ($"{Print(a[0], p + 1)}{f.Name}{Print(a[1], p)}", p),
            Notation.Comparison => ($"{Print(a[0], p + 1)} {f.Name} {Print(a[1], p + 1)}", p),
            Notation.Prefix => (f.Name + Print(a[0], p), p),
            Notation.Call => ($"{f.Name}({string.Join(", ", a.Args.Select(x => Print(x, 0)))})", 9),
            Notation.Template => (string.Format(CultureInfo.InvariantCulture, f.Name, a.Args.Select(x => (object)Print(x, f.ArgumentContext)).ToArray()), p),
            _ => throw new System.InvalidOperationException("ActivationGen internal error: notation " + f.Notation),
        };
    }

    private static string Number(double value) => value switch
    {
        System.Math.PI => "pi",
        System.Math.E => "e",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
