using System;
using System.Collections.Generic;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// Hands out generated-file names that Roslyn accepts as distinct: it compares them ignoring case. The
/// desired "….Swish(float).g.cs" when it is free, else "….Swish(float)_2.g.cs" and so on.
/// </summary>
internal sealed class HintNames
{
    private const string Extension = ".g.cs";
    private readonly HashSet<string> taken = new(StringComparer.OrdinalIgnoreCase);

    public string Take(string desired)
    {
        string stem = desired.EndsWith(Extension, StringComparison.Ordinal) ? desired.Substring(0, desired.Length - Extension.Length) : desired;
        string name = stem + Extension;
        for (int i = 2; !taken.Add(name); i++)
            name = stem + "_" + i + Extension;
        return name;
    }
}
