using System.Collections.Generic;

namespace ActivationGen.Generator.Pipeline;

/// <summary>
/// Hands out names for generated locals that cannot collide with the user's parameter names or with each
/// other: the desired name when it is free, else the desired name with the first free number appended.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> taken;

    public NameScope(IEnumerable<string> taken) => this.taken = new HashSet<string>(taken);

    public string Take(string desired)
    {
        string name = desired;
        for (int i = 2; !taken.Add(name); i++)
            name = desired + i;
        return name;
    }
}
