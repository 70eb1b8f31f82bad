using System.Linq;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Pipeline;

/// <summary>A hyperparameter or trainable as the stub holds it: a field at the declared default (1 without one).</summary>
internal sealed record StubParameter(string Name, ParameterKind Kind, string Value);

/// <summary>
/// Everything the benchmark stub of one activation needs, as plain values: where the activation is declared,
/// the names of its spans, the tapes that the guard evaluates in double, and the benchmark settings.
/// </summary>
internal sealed record BenchmarkStub(
    string Namespace,
    string ClassName,
    string HintName,
    string DeclaringType,
    string DisplayName,
    string Name,
    ElementType Element,
    string Formula,
    EquatableArray<string> Inputs,
    EquatableArray<StubParameter> Parameters,
    string Output,
    string IncomingGradient,
    EquatableArray<string> InputGradients,
    EquatableArray<string> TrainableGradients,
    Tape Forward,
    Tape Backward,
    Tape? BackwardWithTrainables,
    bool HasFromOutput,
    bool HasDerivative,
    bool HasWithDerivative,
    BenchmarkOptions Options)
{
    /// <summary>The namespace of every stub, then one level per enclosing type (so equal names in two types do not clash).</summary>
    public const string RootNamespace = "ActivationGen.Benchmarks.Generated";

    public static readonly EquatableArray<int> DefaultSizes = new[] { 4096, 1 << 20, 1 << 24 }.ToEquatableArray();

    /// <summary>Runs the declaration through the same transforms as its kernels; null when its formula has errors.</summary>
    public static BenchmarkStub? Of(BenchmarkTarget target)
    {
        var spec = target.Spec;
        var declaration = new Declaration(spec, new FormulaSource(new SourceSpan("", 0, 0, 0, 0, 0, 0), EquatableArray<int>.Empty), EquatableArray<SourceSpan>.Empty, EquatableArray<Diagnostics.DiagnosticInfo>.Empty);
        var kernels = ActivationKernels.LowerAll(DifferentiatedActivation.Differentiate(BoundActivation.Bind(declaration).ToFormula()));
        if (!kernels.IsValid)
            return null;
        var shape = new Emit.Shape(kernels);
        var types = spec.ContainingTypes.Select(t => t.Name).ToArray();
        string declaring = "global::" + string.Join(".", (spec.Namespace is null ? types : types.Prepend(spec.Namespace)));
        return new BenchmarkStub(
            string.Join(".", spec.ContainingTypes.Select(t => NamespacePart(t.Name)).Prepend(RootNamespace)),
            spec.Name + "Benchmarks",
            spec.HintName.Substring(0, spec.HintName.Length - ".g.cs".Length) + ".Benchmarks.g.cs",
            declaring,
            string.Join(".", types.Append(spec.Name)),
            spec.Name,
            spec.ElementType ?? ElementType.Single,
            spec.Formula ?? "",
            shape.Inputs.Select(p => p.Name).ToEquatableArray(),
            shape.Parameters.Select(p => new StubParameter(p.Name, p.Kind, p.Default ?? shape.Element.Literal(1))).ToEquatableArray(),
            shape.Output,
            shape.IncomingGradient,
            shape.InputGradients.ToEquatableArray(),
            shape.TrainableGradients.ToEquatableArray(),
            kernels.Forward!,
            kernels.Backward!,
            kernels.BackwardWithTrainables,
            kernels.BackwardFromOutput is not null,
            kernels.HasDerivative,
            kernels.HasDerivative && target.HasWithDerivative,
            target.Options);
    }

    // A containing type's name as a namespace segment: no type arguments, no keyword escape.
    private static string NamespacePart(string typeName) => typeName.Split('<')[0].TrimStart('@');
}
