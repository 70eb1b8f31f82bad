using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>The names and parameter lists shared by every generated member of one declaration.</summary>
internal sealed class Shape
{
    public Shape(ActivationKernels kernels)
    {
        Kernels = kernels;
        var spec = kernels.Spec;
        Element = ElementSyntax.Of(spec.ElementType);
        // From here on a parameter's name is its C# identifier (@in); the tapes keep the formula's names.
        var parameters = spec.Parameters.Select(p => p with { Name = p.Identifier }).ToArray();
        Inputs = parameters.Where(p => p.Kind == ParameterKind.Input).ToArray();
        Parameters = parameters.Where(p => p.Kind != ParameterKind.Input).ToArray();
        Trainables = parameters.Where(p => p.Kind == ParameterKind.Trainable).ToArray();
        identifiers = spec.Parameters.ToDictionary(p => p.Name, p => p.Identifier);
        Output = Names.Unique("y", spec);
        IncomingGradient = kernels.IncomingGradient;
        var gradients = new NameScope(spec.Parameters.Select(p => p.Name).Concat([Output, IncomingGradient]));
        InputGradients = Inputs.Select(p => gradients.Take(Names.GradientOf(p.Name))).ToArray();
        TrainableGradients = Trainables.Select(p => gradients.Take(Names.GradientOf(p.Name))).ToArray();
        DerivativeOutput = gradients.Take("derivative");
        KernelClass = spec.Name + "Kernels";
        VectorType = Pipeline.Names.Unique("TV", spec);
        Constraint = Element.Constraint(VectorType);
        StoreType = new NameScope(spec.Parameters.Select(p => p.Name).Append(VectorType)).Take("TStore");
    }

    private readonly System.Collections.Generic.Dictionary<string, string> identifiers;

    /// <summary>The C# identifier of a tape variable: a parameter's (@in), or a generated name (y, dy) as it is.</summary>
    public string IdentifierOf(string name) => identifiers.TryGetValue(name, out var identifier) ? identifier : name;

    /// <summary>The kernels' vector type parameter: TV, unless a parameter already has that name.</summary>
    public string VectorType { get; }

    /// <summary>"where TV : struct, IVectorBits&lt;TV, float&gt;".</summary>
    public string Constraint { get; }

    /// <summary>The span loops' type parameter for how they store (<c>CachedStore</c> or <c>NonTemporalStore</c>): TStore, unless a parameter has that name.</summary>
    public string StoreType { get; }

    /// <summary>"where TStore : struct, IVectorStore".</summary>
    public string StoreConstraint => $"where {StoreType} : struct, global::ActivationGen.Simd.IVectorStore";

    /// <summary>A scope for one generated method's locals, clear of every parameter and generated span name.</summary>
    public NameScope Scope() => new(Spec.Parameters.Select(p => p.Name).Concat(Spec.Parameters.Select(p => p.Identifier))
        .Concat([Output, IncomingGradient, VectorType, StoreType, DerivativeOutput])
        .Concat(InputGradients).Concat(TrainableGradients));

    public ActivationKernels Kernels { get; }

    public ActivationSpec Spec => Kernels.Spec;

    public ElementSyntax Element { get; }

    public ParameterSpec[] Inputs { get; }

    /// <summary>[Param] and [Trainable] parameters, in declaration order.</summary>
    public ParameterSpec[] Parameters { get; }

    public ParameterSpec[] Trainables { get; }

    public string Output { get; }

    public string IncomingGradient { get; }

    public string[] InputGradients { get; }

    public string[] TrainableGradients { get; }

    /// <summary>The span that the forward-with-derivative member writes ∂f/∂x into: derivative, unless a parameter has that name.</summary>
    public string DerivativeOutput { get; }

    public string KernelClass { get; }

    public string T => Element.Keyword;

    public string ReadOnlySpan => $"global::System.ReadOnlySpan<{T}>";

    public string Span => $"global::System.Span<{T}>";

    /// <summary>"float beta = 1f, …" for public members, defaults kept where C# allows them.</summary>
    public string ParameterList(bool withDefaults) =>
        string.Join(", ", Parameters.Select(p => $"{T} {p.Name}" + (withDefaults && p.Default is { } d ? " = " + d : "")));

    public string ParameterNames => string.Join(", ", Parameters.Select(p => p.Name));

    public static string Join(params string[] parts) => string.Join(", ", parts.Where(p => p.Length > 0));
}
