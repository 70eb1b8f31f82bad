using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The names inside a declaration's activation struct: its own name, its hyperparameter properties and the
/// parameters of the contract's members, each clear of the user's parameter names and of one another.
/// </summary>
internal sealed class ContractNames
{
    // The contract's members: a hyperparameter named "info" or "forward" must not become one of them.
    private static readonly string[] Members =
        ["Info", "InputCount", "TrainableCount", "HasBackwardFromOutput", "TrainableDefault", "Forward", "Backward", "BackwardFromOutput", "Partials"];

    public ContractNames(Shape s)
    {
        var scope = s.Scope();
        Trainables = scope.Take("trainables");
        TrainableGradients = scope.Take("trainableGradients");
        Inputs = scope.Take("inputs");
        InputGradients = scope.Take("inputGradients");
        InputPartials = scope.Take("inputPartials");
        TrainablePartials = scope.Take("trainablePartials");
        Index = scope.Take("index");

        // A nested generic method cannot reuse an enclosing type's type parameter name (CS0693).
        var typeParameters = s.Spec.ContainingTypes.SelectMany(t => TypeParametersOf(t.Name));
        Vector = new NameScope(s.Spec.Parameters.Select(p => p.Name).Concat(typeParameters)).Take("TV");
        Constraint = s.Element.Constraint(Vector);

        Struct = s.Spec.Name + "Activation";
        var members = new NameScope(s.Spec.Parameters.Select(p => p.Name)
            .Concat(Members).Concat([Struct, s.Output, s.IncomingGradient, Vector]));
        Properties = s.Parameters.Where(p => p.Kind == ParameterKind.Param)
            .ToDictionary(p => p.Name, p => members.Take(Names.Pascal(p.Name)));
        Outer = "global::" + (s.Spec.Namespace is null ? "" : s.Spec.Namespace + ".")
            + string.Join(".", s.Spec.ContainingTypes.Select(t => WithoutVariance(t.Name)));
    }

    /// <summary>The per-vector members' type parameter: TV, unless a parameter or an enclosing type has it.</summary>
    public string Vector { get; }

    /// <summary>"where TV : struct, IVectorBits&lt;TV, float&gt;" for <see cref="Vector"/>.</summary>
    public string Constraint { get; }

    /// <summary><c>NameActivation</c>: the rule users and layers rely on.</summary>
    public string Struct { get; }

    /// <summary>The declaring type, fully qualified, through which the struct calls the span members.</summary>
    public string Outer { get; }

    /// <summary>The property of each [Param], by parameter name: <c>slope</c> → <c>Slope</c>.</summary>
    public System.Collections.Generic.Dictionary<string, string> Properties { get; }

    public string Trainables { get; }

    public string TrainableGradients { get; }

    public string Inputs { get; }

    public string InputGradients { get; }

    public string InputPartials { get; }

    public string TrainablePartials { get; }

    public string Index { get; }

    /// <summary>"Outer&lt;TV, U&gt;" → TV, U.</summary>
    private static string[] TypeParametersOf(string typeName)
    {
        int open = typeName.IndexOf('<');
        return open < 0
            ? []
            : typeName.Substring(open + 1, typeName.Length - open - 2).Split(',').Select(p => p.Trim()).ToArray();
    }

    // "R<out T>" declares the type; "R<T>" refers to it.
    private static string WithoutVariance(string declared) =>
        System.Text.RegularExpressions.Regex.Replace(declared, @"(?<=[<,]\s*)(in|out)\s+", "");

    /// <summary>C# allows no struct inside an interface with a variant (<c>in</c>/<c>out</c>) type parameter (CS8427).</summary>
    public static bool CanNestStruct(Declarations.ActivationSpec spec) => !spec.ContainingTypes.Any(t =>
        t.Keyword.EndsWith("interface", System.StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.IsMatch(t.Name, @"[<,]\s*(in|out)\s"));
}
