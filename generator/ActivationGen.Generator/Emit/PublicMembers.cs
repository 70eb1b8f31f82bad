using System.Linq;
using System.Security;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The members of the generated-API table of DESIGN.md. A valid declaration's members forward to the kernel
/// class; a declaration with errors gets the very same members (the same list, the same signatures) with
/// bodies that throw, so that its call sites compile and the user sees only the AG error.
/// </summary>
internal static class PublicMembers
{
    public static void Write(SourceWriter writer, Shape s)
    {
        var spec = s.Spec;
        bool valid = s.Kernels.IsValid;
        string acc = spec.Accessibility;
        string inputs = string.Join(", ", s.Inputs.Select(p => $"{s.T} {p.Name}"));
        string inputNames = string.Join(", ", s.Inputs.Select(p => p.Name));
        string f = $"<c>{Xml(spec.Formula ?? "")}</c>";

        if (valid)
        {
            Summary(writer, $"Computes {f} at one point.", s);
            writer.Line(ActivationEmitter.GeneratedCode);
            writer.Line($"{acc} static partial {s.T} {spec.Identifier}({Shape.Join(inputs, s.ParameterList(false))})");
            writer.Line($"    => {s.KernelClass}.Value({Shape.Join(inputNames, s.ParameterNames)});");
        }
        else
        {
            // The implementation part must repeat the declaration exactly, whatever is wrong with it.
            var parameters = string.Join(", ", spec.Parameters.Select(p => $"{p.Modifiers}{p.Type} {p.Identifier}"));
            Unavailable(writer, spec.Name);
            writer.Line($"{acc} {spec.Modifiers}partial {spec.ReturnType} {spec.Identifier}{spec.TypeParameters}({parameters}){spec.Constraints}");
            writer.Line("    => " + Throw(spec.Name) + ";");
        }

        foreach (var member in SpanMember.Of(s).Where(m => !spec.TakenNames.Contains(m.PublicName.TrimStart('@'))))
        {
            writer.Line();
            string signature = $"{acc} static void {member.PublicName}({member.Parameters(s, withDefaults: true)})";
            if (!valid)
            {
                Unavailable(writer, spec.Name);
                writer.Line(signature);
                writer.Line("    => " + Throw(spec.Name) + ";");
                continue;
            }
            Summary(writer, Describe(member, s, f), s);
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from the first one's, or an output partly overlaps an input"
                + (member.Writes.Length > 1 ? ", or two outputs share elements.</exception>" : ".</exception>"));
            writer.Line(ActivationEmitter.GeneratedCode);
            using (writer.Block(signature))
            {
                CheckShapes(writer, s, member);
                if (member.Kernel == "BackwardFromOutput")
                    foreach (var condition in s.Kernels.FromOutputConditions)
                        writer.Line($"if (!({condition})) throw new global::System.ArgumentException(\"{member.PublicName} requires {condition}: the derivative cannot be told from the output otherwise.\");");
                ParallelJobs.WriteSplit(writer, s, member);
                writer.Line($"{s.KernelClass}.{member.Kernel}Spans({member.Arguments(s)});");
            }
        }

        if (s.Kernels.HasDerivative && !spec.TakenNames.Contains(spec.Name + "Derivative"))
        {
            writer.Line();
            string signature = $"{acc} static {s.T} {spec.Name}Derivative({Shape.Join(inputs, s.ParameterList(true))})";
            if (!valid)
            {
                Unavailable(writer, spec.Name);
                writer.Line(signature);
                writer.Line("    => " + Throw(spec.Name) + ";");
                return;
            }
            Summary(writer, $"∂f/∂{s.Inputs[0].Name} of {f} at one point: <c>{Xml(s.Kernels.PartialDocs[0])}</c>.", s);
            writer.Line(ActivationEmitter.GeneratedCode);
            writer.Line(signature);
            writer.Line($"    => {s.KernelClass}.Derivative({Shape.Join(inputNames, s.ParameterNames)});");
        }
    }

    public static void Unavailable(SourceWriter writer, string name)
    {
        writer.Line($"/// <summary>Not available: the [Activation] declaration of <c>{Xml(name)}</c> has errors (see its AG diagnostics), so this member throws.</summary>");
        writer.Line(ActivationEmitter.GeneratedCode);
    }

    public static string Throw(string name) =>
        $"throw new global::System.InvalidOperationException(\"The [Activation] declaration of '{name}' has errors; see the ActivationGen diagnostics (AG…) reported for it.\")";

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
            "ForwardWithDerivative" => $"Computes {f} elementwise into <paramref name=\"{s.Output}\"/> and ∂f/∂{s.Inputs[0].Name} into <paramref name=\"{s.DerivativeOutput}\"/> in one pass, "
                + $"sharing what the two have in common. Kept from a training step's forward, the derivative makes its backward one multiplication, "
                + $"{s.InputGradients[0]} = {s.IncomingGradient}·{s.DerivativeOutput} (<see cref=\"global::ActivationGen.SavedDerivative\"/>), in place of recomputing it from {s.Inputs[0].Name}.",
            _ => $"Backward of {f} from its output alone (no need to keep {s.Inputs[0].Name}): <paramref name=\"{member.Writes[0]}\"/> = "
                + $"{s.IncomingGradient}·<c>{Xml(s.Kernels.FromOutputDoc!)}</c> where {s.Output} = f({s.Inputs[0].Name})"
                + (s.Kernels.FromOutputConditions.Count == 0 ? "." : $", for {Xml(string.Join(" and ", s.Kernels.FromOutputConditions))} (otherwise it throws ArgumentException)."),
        };
    }

    public static void Summary(SourceWriter writer, string summary, Shape s)
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
        // Two outputs in one span would leave only the last one written, silently.
        for (int i = 0; i < member.Writes.Length; i++)
            for (int j = i + 1; j < member.Writes.Length; j++)
                writer.Line($"global::ActivationGen.Elementwise.CheckDisjoint<{s.T}>({member.Writes[i]}, {member.Writes[j]}, nameof({member.Writes[j]}));");
    }

    /// <summary>
    /// Escaped for XML, and cut short past <see cref="LongestDoc"/> characters: a formula of 10,000 terms
    /// would otherwise repeat megabytes of text in every member's docs.
    /// </summary>
    public static string Xml(string text) => SecurityElement.Escape(OneLine(text.Length <= LongestDoc ? text : text.Substring(0, LongestDoc) + " … (cut short; see the declaration)")) ?? "";

    // A formula as written may span lines (a verbatim or raw string); a doc comment may not.
    private static string OneLine(string text) => text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ');

    private const int LongestDoc = 600;
}
