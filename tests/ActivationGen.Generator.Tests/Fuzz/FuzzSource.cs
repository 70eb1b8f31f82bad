using System.Globalization;
using System.Text;

namespace ActivationGen.Generator.Tests.Fuzz;

/// <summary>
/// One compilation's worth of fuzzed declarations: even ones are <c>double F(double x, [Param] a,
/// [Trainable] b)</c> (checked numerically), odd ones <c>float F(float x, float h, [Trainable] b)</c>
/// (checked for compiling). A class of plain wrappers calls every member of every declaration, valid or
/// not, so that a missing member is a compile error too, and lets the test call spans through delegates.
/// </summary>
internal static class FuzzSource
{
    public const int FirstLine = 4;

    public static bool IsDouble(int index) => index % 2 == 0;

    public static string Build(IReadOnlyList<string> formulas)
    {
        var text = new StringBuilder("using ActivationGen;\n\npublic static partial class P\n{\n");
        for (int i = 0; i < formulas.Count; i++)
        {
            text.Append("    [Activation(").Append(Literal(formulas[i])).Append(")]\n");
            text.Append(IsDouble(i)
                ? $"    public static partial double F{i}(double x, [Param] double a, [Trainable] double b);\n"
                : $"    public static partial float F{i}(float x, float h, [Trainable] float b);\n");
        }
        text.Append("}\n\npublic static class Calls\n{\n");
        for (int i = 0; i < formulas.Count; i++)
        {
            if (IsDouble(i))
            {
                text.Append($"    public static void Forward{i}(double[] x, double[] y, double a, double b) => P.F{i}(x, y, a, b);\n");
                text.Append($"    public static double Backward{i}(double[] x, double[] dy, double[] dx, double a, double b) {{ P.F{i}Backward(x, dy, dx, a, b); P.F{i}Backward(x, dy, dx, a, b, out double db); return db; }}\n");
                text.Append($"    public static double Value{i}(double x, double a, double b) => P.F{i}(x, a, b);\n");
                text.Append($"    public static double Derivative{i}(double x, double a, double b) => P.F{i}Derivative(x, a, b);\n");
            }
            else
            {
                text.Append($"    public static float Touch{i}(float[] x, float[] h, float[] y, float[] dx, float[] dh) {{ P.F{i}(x, h, y, 1f); P.F{i}Backward(x, h, y, dx, dh, 1f); P.F{i}Backward(x, h, y, dx, dh, 1f, out float db); return db + P.F{i}(1f, 2f, 1f); }}\n");
            }
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>The declaration a source line belongs to (its attribute line or its method line).</summary>
    public static int DeclarationAt(int zeroBasedLine) => (zeroBasedLine - FirstLine) / 2;

    /// <summary>A regular C# string literal: printable ASCII as it is, everything else escaped.</summary>
    private static string Literal(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            if (c == '"' || c == '\\')
                text.Append('\\').Append(c);
            else if (c is >= ' ' and <= '~')
                text.Append(c);
            else
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
        return text.Append('"').ToString();
    }
}
