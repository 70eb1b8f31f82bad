using System.Linq;
using ActivationGen.Generator.Declarations;

namespace ActivationGen.Generator.Pipeline;

/// <summary>Names of generated parameters (y, dy, dx, dBeta…), kept clear of the user's own names.</summary>
internal static class Names
{
    public static string Unique(string name, ActivationSpec spec) =>
        new NameScope(spec.Parameters.Select(p => p.Name)).Take(name);

    /// <summary>dx for x, dBeta for beta: the gradient that flows to <paramref name="parameter"/>.</summary>
    public static string GradientOf(string parameter) =>
        parameter.Length == 1 ? "d" + parameter : "d" + Pascal(parameter);

    /// <summary>"Beta" for beta, "In" for @in: a name to build other names from, so any '@' goes.</summary>
    public static string Pascal(string name)
    {
        name = name.TrimStart('@');
        return char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
