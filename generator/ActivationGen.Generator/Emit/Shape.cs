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
        Inputs = spec.Parameters.Where(p => p.Kind == ParameterKind.Input).ToArray();
        Parameters = spec.Parameters.Where(p => p.Kind != ParameterKind.Input).ToArray();
        Trainables = spec.Parameters.Where(p => p.Kind == ParameterKind.Trainable).ToArray();
        Output = Names.Unique("y", spec);
        IncomingGradient = kernels.IncomingGradient;
        InputGradients = Inputs.Select(p => Names.GradientOf(p.Name, spec)).ToArray();
        TrainableGradients = Trainables.Select(p => Names.GradientOf(p.Name, spec)).ToArray();
        KernelClass = spec.Name + "Kernels";
    }

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
