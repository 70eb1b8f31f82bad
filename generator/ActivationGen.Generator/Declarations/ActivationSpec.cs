using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// What a user declared with [Activation]: names, types and formula text, free of symbols and of source
/// positions, so that an edit that only moves the declaration does not re-emit its code. <see cref="Name"/>
/// is the method's name, <see cref="Identifier"/> its C# spelling (<c>@in</c>); <see cref="HintName"/> names
/// the generated file from the namespace, types, name and parameter types (the output step makes it unique
/// ignoring case, as Roslyn compares hint names). <see cref="ElementType"/> is the declared element type, or
/// for a declaration whose types are wrong the best guess, so that its throwing members take the spans the
/// user meant. <see cref="TakenNames"/> are generated members the user's own members already claim (an
/// AG0022 error each): they are left out.
/// </summary>
internal sealed partial record ActivationSpec(
    string? Namespace,
    EquatableArray<ContainingType> ContainingTypes,
    string Name,
    string Identifier,
    string Modifiers,
    string TypeParameters,
    string Constraints,
    string Accessibility,
    string ReturnType,
    ElementType? ElementType,
    EquatableArray<ParameterSpec> Parameters,
    string? Formula,
    bool CanImplement,
    string HintName,
    EquatableArray<string> TakenNames);

/// <summary>One enclosing type, outermost first: its keyword ("class", "record struct"…) and its name as C# writes it.</summary>
internal sealed record ContainingType(string Keyword, string Name);

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

/// <summary>
/// A parameter of the declaration: <see cref="Name"/> as the formula spells it, <see cref="Identifier"/> as C#
/// must (<c>@in</c> for a keyword); <see cref="Default"/> is a C# literal or null.
/// </summary>
internal sealed record ParameterSpec(string Name, string Identifier, ParameterKind Kind, string Type, string Modifiers, string? Default);
