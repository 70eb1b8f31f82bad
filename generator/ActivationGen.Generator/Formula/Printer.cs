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
            _ => ("?", 9),
        };
        return precedence < context ? "(" + text + ")" : text;
    }

    private static (string, int) Node(Apply a) => a.Op switch
    {
        Op.Select => ($"{Print(a[0], 1)} ? {Print(a[1], 1)} : {Print(a[2], 0)}", 0),
        Op.Or => ($"{Print(a[0], 1)} || {Print(a[1], 2)}", 1),
        Op.And => ($"{Print(a[0], 2)} && {Print(a[1], 3)}", 2),
        Op.Less => (Infix(a, "<", 3), 3),
        Op.LessOrEqual => (Infix(a, "<=", 3), 3),
        Op.Greater => (Infix(a, ">", 3), 3),
        Op.GreaterOrEqual => (Infix(a, ">=", 3), 3),
        Op.Equal => (Infix(a, "==", 3), 3),
        Op.NotEqual => (Infix(a, "!=", 3), 3),
        Op.Add => ($"{Print(a[0], 4)} + {Print(a[1], 5)}", 4),
        Op.Subtract => ($"{Print(a[0], 4)} - {Print(a[1], 5)}", 4),
        Op.Multiply => ($"{Print(a[0], 5)} * {Print(a[1], 6)}", 5),
        Op.Divide => ($"{Print(a[0], 5)} / {Print(a[1], 6)}", 5),
        Op.Negate => ("-" + Print(a[0], 6), 6),
        Op.Not => ("!" + Print(a[0], 6), 6),
        Op.Power => ($"{Print(a[0], 8)}^{Print(a[1], 7)}", 7),
        Op.TanhSoftplus => ($"tanh(softplus({Print(a[0], 0)}))", 9),
        _ => ($"{Functions.NameOf[a.Op]}({string.Join(", ", a.Args.Select(x => Print(x, 0)))})", 9),
    };

    private static string Infix(Apply a, string op, int precedence) =>
        $"{Print(a[0], precedence + 1)} {op} {Print(a[1], precedence + 1)}";

    private static string Number(double value) => value switch
    {
        System.Math.PI => "pi",
        System.Math.E => "e",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };
}
