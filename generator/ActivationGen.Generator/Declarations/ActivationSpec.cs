using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// What a user declared with [Activation]: names, types and formula text, free of symbols and of source
/// positions, so that an edit that only moves the declaration does not re-emit its code.
/// </summary>
internal sealed partial record ActivationSpec(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string Modifiers,
    string TypeParameters,
    string Constraints,
    string Accessibility,
    string ReturnType,
    ElementType? ElementType,
    EquatableArray<ParameterSpec> Parameters,
    string? Formula,
    bool CanImplement)
{
    /// <summary>Name of the generated file, unique per declaration.</summary>
    public string HintName
    {
        get
        {
            var types = string.Join(".", System.Linq.Enumerable.Select(ContainingTypes, t => t.MetadataName));
            return (Namespace is null ? "" : Namespace + ".") + types + "." + Name + ".g.cs";
        }
    }
}

/// <summary>One enclosing type, outermost first: its keyword ("class", "record struct"…) and its name as written.</summary>
internal sealed record ContainingType(string Keyword, string Name, string MetadataName);

internal enum ParameterKind
{
    Input,
    Param,
    Trainable,
}

internal enum ElementType
{
    Single,
    Double,
}

/// <summary>A parameter of the declaration; <see cref="Default"/> is a C# literal or null.</summary>
internal sealed record ParameterSpec(string Name, ParameterKind Kind, string Type, string Modifiers, string? Default);
