using System.Linq;
using System.Security;

namespace ActivationGen.Generator.Emit;

/// <summary>The members of the generated-API table of DESIGN.md, each forwarding to the kernel class.</summary>
internal static class PublicMembers
{
    public static void Write(SourceWriter writer, Shape s)
    {
        var spec = s.Spec;
        string acc = spec.Accessibility;
        string inputs = string.Join(", ", s.Inputs.Select(p => $"{s.T} {p.Name}"));
        string inputNames = string.Join(", ", s.Inputs.Select(p => p.Name));
        string f = $"<c>{Xml(spec.Formula ?? "")}</c>";

        Summary(writer, $"Computes {f} at one point.", s);
        writer.Line(ActivationEmitter.GeneratedCode);
        writer.Line($"{acc} static partial {s.T} {spec.Name}({Shape.Join(inputs, s.ParameterList(false))})");
        writer.Line($"    => {s.KernelClass}.Value({Shape.Join(inputNames, s.ParameterNames)});");

        foreach (var member in SpanMember.Of(s))
        {
            writer.Line();
            Summary(writer, Describe(member, s, f), s);
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from the first one's, or an output partly overlaps an input.</exception>");
            writer.Line(ActivationEmitter.GeneratedCode);
            using (writer.Block($"{acc} static void {member.PublicName}({member.Parameters(s, withDefaults: true)})"))
            {
                CheckShapes(writer, s, member);
                if (member.Kernel == "BackwardFromOutput")
                    foreach (var condition in s.Kernels.FromOutputConditions)
                        writer.Line($"if (!({condition})) throw new global::System.ArgumentException(\"{member.PublicName} requires {condition}: the derivative cannot be told from the output otherwise.\");");
                ParallelJobs.WriteSplit(writer, s, member);
                writer.Line($"{s.KernelClass}.{member.Kernel}Spans({member.Arguments(s)});");
            }
        }

        if (s.Kernels.HasDerivative)
        {
            writer.Line();
            Summary(writer, $"∂f/∂{s.Inputs[0].Name} of {f} at one point: <c>{Xml(s.Kernels.PartialDocs[0])}</c>.", s);
            writer.Line(ActivationEmitter.GeneratedCode);
            writer.Line($"{acc} static {s.T} {spec.Name}Derivative({Shape.Join(inputs, s.ParameterList(true))})");
            writer.Line($"    => {s.KernelClass}.Derivative({Shape.Join(inputNames, s.ParameterNames)});");
        }
    }

    private static string Describe(SpanMember member, Shape s, string f)
    {
        string Gradients() => string.Join(", ", member.Writes.Select((g, i) => $"<paramref name=\"{g}\"/> = {s.IncomingGradient}·∂f/∂{s.Inputs[i].Name}"));
        return member.Kernel switch
        {
            "Forward" => $"Computes {f} elementwise into <paramref name=\"{s.Output}\"/>, which may be the same span as an input.",
            "Backward" => $"Backward of {f}: {Gradients()}.",
            "BackwardWithTrainables" => $"Backward of {f} that also sums the gradient of each trainable parameter: {Gradients()}, "
                + string.Join(", ", member.Sums.Select((g, i) => $"<paramref name=\"{g}\"/> = Σ {s.IncomingGradient}·∂f/∂{s.Trainables[i].Name}"))
                + ". Sums accumulate in double in blocks, so they stay accurate over millions of elements.",
            _ => $"Backward of {f} from its output alone (no need to keep {s.Inputs[0].Name}): <paramref name=\"{member.Writes[0]}\"/> = "
                + $"{s.IncomingGradient}·<c>{Xml(s.Kernels.FromOutputDoc!)}</c> where {s.Output} = f({s.Inputs[0].Name})"
                + (s.Kernels.FromOutputConditions.Count == 0 ? "." : $", for {Xml(string.Join(" and ", s.Kernels.FromOutputConditions))} (otherwise it throws ArgumentException)."),
        };
    }

    private static void Summary(SourceWriter writer, string summary, Shape s)
    {
        writer.Line("/// <summary>").Line("/// " + summary).Line("/// </summary>");
        writer.Line("/// <remarks>");
        writer.Line($"/// f = <c>{Xml(s.Spec.Formula ?? "")}</c><br/>");
        if (s.Kernels.FormulaDoc.Length > 0)
            writer.Line($"/// rewritten by the generator as <c>{Xml(s.Kernels.FormulaDoc)}</c><br/>");
        var wrt = s.Inputs.Concat(s.Trainables).ToArray();
        for (int i = 0; i < wrt.Length; i++)
            writer.Line($"/// ∂f/∂{wrt[i].Name} = <c>{Xml(s.Kernels.PartialDocs[i])}</c><br/>");
        writer.Line("/// </remarks>");
    }

    /// <summary>Every check runs before the first write, so a bad call leaves every output untouched.</summary>
    private static void CheckShapes(SourceWriter writer, Shape s, SpanMember member)
    {
        string first = member.Reads[0];
        foreach (var span in member.Reads.Skip(1).Concat(member.Writes))
            writer.Line($"global::ActivationGen.Elementwise.CheckLength({first}.Length, {span}.Length, nameof({span}));");
        foreach (var output in member.Writes)
            foreach (var read in member.Reads)
                writer.Line($"global::ActivationGen.Elementwise.CheckOverlap<{s.T}>({read}, {output}, nameof({output}));");
    }

    private static string Xml(string text) => SecurityElement.Escape(text) ?? "";
}
