using System.Globalization;
using System.Text;

namespace ActivationGen.Generator.Emit;

/// <summary>A string as a C# literal: formulas and derivatives carried into generated code as text.</summary>
internal static class CSharpString
{
    public static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                case '\n': literal.Append("\\n"); break;
                case '\r': literal.Append("\\r"); break;
                case '\t': literal.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
                        literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        literal.Append(c);
                    break;
            }
        }
        return literal.Append('"').ToString();
    }
}
