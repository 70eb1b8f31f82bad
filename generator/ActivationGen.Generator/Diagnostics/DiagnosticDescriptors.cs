using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Diagnostics;

/// <summary>Every diagnostic the generator reports; IDs are tracked in AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ActivationGen";

    public static readonly DiagnosticDescriptor SyntaxError = Error("AG0001",
        "Formula syntax error", "Syntax error in formula: {0}");

    public static readonly DiagnosticDescriptor UnknownName = Error("AG0002",
        "Unknown name in formula", "The name '{0}' is not a parameter or a constant{1}");

    public static readonly DiagnosticDescriptor UnknownFunction = Error("AG0003",
        "Unknown function in formula", "The function '{0}' does not exist{1}");

    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("AG0004",
        "Wrong number of arguments", "The function '{0}' takes {1} argument(s) but is given {2}");

    public static readonly DiagnosticDescriptor EmptyFormula = Error("AG0005",
        "Formula is null or empty", "The formula of '{0}' is null or empty");

    public static readonly DiagnosticDescriptor NotStaticPartial = Error("AG0006",
        "Activation must be static partial", "The activation '{0}' must be declared 'static partial' (a declaration without a body)");

    public static readonly DiagnosticDescriptor UnsupportedType = Error("AG0007",
        "Unsupported type", "{0} of '{1}' is '{2}'; it must be 'float' or 'double' passed by value, the same type throughout");

    public static readonly DiagnosticDescriptor GenericMethod = Error("AG0008",
        "Activation cannot be generic", "The activation '{0}' cannot be generic");

    public static readonly DiagnosticDescriptor NoInput = Error("AG0009",
        "Activation has no input", "The activation '{0}' needs at least one input: a parameter without [Param] or [Trainable]");

    public static readonly DiagnosticDescriptor TooDeep = Error("AG0010",
        "Formula nested too deeply", "The formula is nested {0} levels deep; at most {1} are supported");

    public static readonly DiagnosticDescriptor TypeMismatch = Error("AG0011",
        "Truth value and number mixed", "{0}");

    public static readonly DiagnosticDescriptor ConflictingMarkers = Error("AG0012",
        "Parameter is both [Param] and [Trainable]", "The parameter '{0}' cannot be both [Param] and [Trainable]");

    public static readonly DiagnosticDescriptor UnusedParameter = new("AG0013",
        "Parameter not used by the formula", "The parameter '{0}' is not used by the formula of '{1}'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("AG0013"));

    public static readonly DiagnosticDescriptor MemberCollision = Error("AG0022",
        "Member name collides with a generated member",
        "The member '{0}' has a name the generator uses for the activation '{1}'; rename one of them");

    public static readonly DiagnosticDescriptor FileLocalType = Error("AG0023",
        "Activation in a file-local type",
        "The activation '{0}' is in a file-local type, which generated code in another file cannot extend; remove 'file' or move the activation");

    /// <summary>Every ID has a section of docs/diagnostics.md: what it means and how to fix it.</summary>
    public static string HelpLink(string id) => HelpPage + "#" + id.ToLowerInvariant();

    /// <summary>
    /// The page of every help link, relative to the repository's root and to the package's, which carries it
    /// beside README.md. Relative because the project has no published home yet: a guessed absolute address
    /// would be a dead link. The one place to change once there is one (a test checks every anchor).
    /// </summary>
    public const string HelpPage = "docs/diagnostics.md";

    public static readonly DiagnosticDescriptor DuplicateLocal = Error("AG0020",
        "Local name already taken", "The local name '{0}' is already a parameter, a constant, a function or an enclosing local; choose another");

    public static readonly DiagnosticDescriptor UnusedLocal = new("AG0021",
        "Local name not used", "The local name '{0}' is not used in the body of its 'let'",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpLink("AG0021"));

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLink(id));
}
