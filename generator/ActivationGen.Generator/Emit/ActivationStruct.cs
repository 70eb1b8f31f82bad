using System.Linq;
using ActivationGen.Generator.Declarations;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The value type a layer takes as a type argument (<c>Dense&lt;Activations.SiluActivation&gt;</c>): the
/// declaration's hyperparameters as properties and the kernels of the file-local kernel class behind the
/// <c>ActivationGen.IActivation&lt;T&gt;</c> contract, so that the JIT specializes the layer around them.
/// </summary>
internal static partial class ActivationStruct
{
    public static void Write(SourceWriter writer, Shape s)
    {
        var names = new ContractNames(s);
        string contract = s.Inputs.Length switch
        {
            1 => "IUnaryActivation",
            2 => "IBinaryActivation",
            _ => "IActivation",
        };

        if (s.Kernels.IsValid)
        {
            PublicMembers.Summary(writer, $"<c>{PublicMembers.Xml(s.Spec.Formula ?? "")}</c> as a value type for layers, which call its kernels from their own loops.", s);
            writer.Line(ActivationEmitter.GeneratedCode);
        }
        else
        {
            PublicMembers.Unavailable(writer, s.Spec.Name);
        }
        using (writer.Block($"{s.Spec.Accessibility} readonly struct {names.Struct} : global::ActivationGen.{contract}<{s.T}>"))
        {
            Constructors(writer, s, names);
            Description(writer, s, names);
            if (s.Inputs.Length == 1)
            {
                writer.Line();
                UnaryKernels(writer, s, names);
            }
            else if (s.Inputs.Length == 2)
            {
                writer.Line();
                BinaryKernels(writer, s, names);
            }
            writer.Line();
            VectorKernels(writer, s, names);
            if (s.Inputs.Length == 1)
            {
                writer.Line();
                SpanMembers(writer, s, names);
            }
            else if (s.Inputs.Length == 2)
            {
                writer.Line();
                BinarySpanMembers(writer, s, names);
            }
            writer.Line();
            Partials(writer, s, names);
        }
    }

    private static void Constructors(SourceWriter writer, Shape s, ContractNames names)
    {
        var hyper = s.Parameters.Where(p => p.Kind == ParameterKind.Param).ToArray();
        if (hyper.Length == 0)
            return;
        // new() and a layer's new TAct() get the declared values; default(TAct) would leave every one 0.
        if (hyper.All(p => p.Default is not null))
        {
            string declared = string.Join(", ", hyper.Select(p => $"{p.Name} = {p.Default}"));
            writer.Line($"/// <summary>The activation with the declared hyperparameters: {PublicMembers.Xml(declared)}.</summary>");
            writer.Line($"public {names.Struct}()");
            writer.Line($"    : this({string.Join(", ", hyper.Select(p => p.Default))})");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
        }
        writer.Line("/// <summary>The activation with the given hyperparameters.</summary>");
        foreach (var p in hyper)
            writer.Line($"/// <param name=\"{p.Name}\">The hyperparameter <c>{p.Name}</c> of the formula.</param>");
        using (writer.Block($"public {names.Struct}({string.Join(", ", hyper.Select(p => $"{s.T} {p.Name}" + (p.Default is { } d ? " = " + d : "")))})"))
        {
            foreach (var p in hyper)
                writer.Line($"{names.Properties[p.Name]} = {p.Name};");
        }
        foreach (var p in hyper)
        {
            writer.Line();
            writer.Line($"/// <summary>The hyperparameter <c>{p.Name}</c>{(p.Default is { } d ? $" (declared default {PublicMembers.Xml(d)})" : "")}.</summary>");
            writer.Line($"public {s.T} {names.Properties[p.Name]} {{ get; }}");
        }
        writer.Line();
    }

    /// <summary>The static description: counts, the readable math, and the trainables' declared defaults.</summary>
    private static void Description(SourceWriter writer, Shape s, ContractNames names)
    {
        var k = s.Kernels;
        writer.Line("/// <inheritdoc/>");
        if (!k.IsValid)
            writer.Line($"public static global::ActivationGen.ActivationInfo Info => {PublicMembers.Throw(s.Spec.Name)};");
        else
            Info(writer, s, k);
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static int InputCount => {s.Inputs.Length};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static int TrainableCount => {s.Trainables.Length};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public static bool HasBackwardFromOutput => {(k.HasBackwardFromOutput ? "true" : "false")};");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        string outOfRange = $"throw new global::System.ArgumentOutOfRangeException(nameof({names.Index}), {names.Index}, "
            + CSharpString.Literal(s.Trainables.Length == 0
                ? $"{s.Spec.Name} has no trainable parameters."
                : $"{s.Spec.Name} has {s.Trainables.Length} trainable parameter{(s.Trainables.Length == 1 ? "" : "s")}.") + ")";
        if (s.Trainables.Length == 0)
        {
            writer.Line($"public {s.T} TrainableDefault(int {names.Index}) => {outOfRange};");
            return;
        }
        writer.Line($"public {s.T} TrainableDefault(int {names.Index}) => {names.Index} switch");
        writer.Line("{");
        for (int j = 0; j < s.Trainables.Length; j++)
            writer.Line($"    {j} => {s.Trainables[j].Default ?? s.Element.Literal(0)},");
        writer.Line($"    _ => {outOfRange},");
        writer.Line("};");
    }

    /// <summary>The readable math of a valid declaration (one with errors has none, and its Info throws).</summary>
    private static void Info(SourceWriter writer, Shape s, Pipeline.ActivationKernels k)
    {
        const string Strings = "global::System.Collections.Immutable.ImmutableArray";
        string Array(System.Collections.Generic.IEnumerable<string> items)
        {
            var literals = items.Select(CSharpString.Literal).ToArray();
            return literals.Length == 0 ? $"{Strings}<string>.Empty" : $"{Strings}.Create({string.Join(", ", literals)})";
        }

        writer.Line("public static global::ActivationGen.ActivationInfo Info { get; } = new(");
        writer.Line($"    {CSharpString.Literal(s.Spec.Name)},");
        writer.Line($"    {CSharpString.Literal(s.Spec.Formula ?? "")},");
        writer.Line($"    {Array(s.Inputs.Select(p => p.Name))},");
        writer.Line($"    {Array(s.Parameters.Where(p => p.Kind == ParameterKind.Param).Select(p => p.Name))},");
        writer.Line($"    {Array(s.Trainables.Select(p => p.Name))},");
        writer.Line($"    {Array(k.PartialDocs)},");
        writer.Line($"    {(k.FromOutputDoc is { } fromOutput ? CSharpString.Literal(fromOutput) : "null")});");
    }
}
