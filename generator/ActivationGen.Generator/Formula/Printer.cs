using System.Globalization;
using System.Linq;

namespace ActivationGen.Generator.Formula;

/// <summary>Writes a tree back in the formula language, with only the parentheses that precedence needs.</summary>
internal static class Printer
{
    public static string Print(Expr e)
    {
        int budget = int.MaxValue;
        return Print(e, 0, ref budget);
    }

    /// <summary>
    /// The first <paramref name="longest"/> characters, then "…" when there are more. Printing a derivative
    /// writes its DAG out as a tree, which can be quadratic in the formula's length (each factor of a
    /// 5,000-factor product is multiplied by all the others: 400 million characters), so printing stops
    /// once the budget is spent instead of cutting a finished string.
    /// </summary>
    public static string Print(Expr e, int longest)
    {
        int budget = longest;
        string text = Print(e, 0, ref budget);
        return text.Length <= longest ? text : text.Substring(0, longest) + "…";
    }

    // The budget counts the names and numbers written so far, which come out in order: once it is spent,
    // at least that many characters precede every placeholder, so the cut keeps only real text.
    private static string Print(Expr e, int context, ref int budget)
    {
        if (budget <= 0)
            return "…";
        var (text, precedence) = e switch
        {
            Num n => Leaf(Number(n.Value), n.Value < 0 ? 6 : 9, ref budget),
            Var v => Leaf(v.Name, 9, ref budget),
            Apply a => Node(a, ref budget),
            _ => throw new System.InvalidOperationException("ActivationGen internal error: unknown tree node " + e.GetType().Name),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    private static (string, int) Leaf(string text, int precedence, ref int budget)
    {
        budget -= text.Length;
        return (text, precedence);
    }

    private static (string, int) Node(Apply a, ref int budget)
    {
        var f = Functions.Of(a.Op);
        int p = f.Precedence;
        switch (f.Notation)
        {
            case Notation.Conditional:
            {
                string condition = Print(a[0], 1, ref budget), then = Print(a[1], 1, ref budget);
                return ($"{condition} ? {then} : {Print(a[2], 0, ref budget)}", 0);
            }
            case Notation.LeftInfix:
            {
                string left = Print(a[0], p, ref budget);
                return ($"{left} {f.Name} {Print(a[1], p + 1, ref budget)}", p);
            }
            case Notation.RightInfix:
            {
                string left = Print(a[0], p + 1, ref budget);
                return ($"{left}{f.Name}{Print(a[1], p, ref budget)}", p);
            }
            case Notation.Comparison:
            {
                string left = Print(a[0], p + 1, ref budget);
                return ($"{left} {f.Name} {Print(a[1], p + 1, ref budget)}", p);
            }
            case Notation.Prefix:
                return (f.Name + Print(a[0], p, ref budget), p);
            case Notation.Call:
                return ($"{f.Name}({string.Join(", ", Arguments(a, 0, ref budget))})", 9);
            case Notation.Template:
                return (string.Format(CultureInfo.InvariantCulture, f.Name, Arguments(a, f.ArgumentContext, ref budget).Cast<object>().ToArray()), p);
            default:
                throw new System.InvalidOperationException("ActivationGen internal error: notation " + f.Notation);
        }
    }

    private static string[] Arguments(Apply a, int context, ref int budget)
    {
        var printed = new string[a.Args.Count];
        for (int i = 0; i < printed.Length; i++)
            printed[i] = Print(a[i], context, ref budget);
        return printed;
    }

    private static string Number(double value) => value switch
    {
        System.Math.PI => "pi",
        System.Math.E => "e",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
