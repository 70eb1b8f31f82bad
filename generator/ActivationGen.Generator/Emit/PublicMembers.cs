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

        Summary(writer, $"Computes <c>{Xml(s.Kernels.FormulaDoc)}</c> at one point.", s);
        writer.Line(ActivationEmitter.GeneratedCode);
        writer.Line($"{acc} static partial {s.T} {spec.Name}({Shape.Join(inputs, s.ParameterList(false))})");
        writer.Line($"    => {s.KernelClass}.Value({Shape.Join(inputNames, s.ParameterNames)});");

        string inputSpans = string.Join(", ", s.Inputs.Select(p => $"{s.ReadOnlySpan} {p.Name}"));
        writer.Line();
        Summary(writer, $"Computes <c>{Xml(s.Kernels.FormulaDoc)}</c> elementwise into <paramref name=\"{s.Output}\"/>, which may be the same span as an input.", s);
        Throws(writer);
        writer.Line(ActivationEmitter.GeneratedCode);
        using (writer.Block($"{acc} static void {spec.Name}({Shape.Join(inputSpans, $"{s.Span} {s.Output}", s.ParameterList(true))})"))
        {
            CheckShapes(writer, s, [s.Output], s.Inputs.Select(p => p.Name).ToArray());
            Dispatch(writer, s, "Forward", Shape.Join(inputNames, s.Output, s.ParameterNames), s.Output);
        }

        string backwardSpans = Shape.Join(inputSpans, $"{s.ReadOnlySpan} {s.IncomingGradient}",
            string.Join(", ", s.InputGradients.Select(g => $"{s.Span} {g}")));
        string backwardNames = Shape.Join(inputNames, s.IncomingGradient, string.Join(", ", s.InputGradients));
        var backwardReads = s.Inputs.Select(p => p.Name).Append(s.IncomingGradient).ToArray();
        writer.Line();
        Summary(writer, $"Backward of <c>{Xml(s.Kernels.FormulaDoc)}</c>: {string.Join(", ", s.InputGradients.Select((g, i) => $"<paramref name=\"{g}\"/> = {s.IncomingGradient}·∂f/∂{s.Inputs[i].Name}"))}.", s);
        Throws(writer);
        writer.Line(ActivationEmitter.GeneratedCode);
        using (writer.Block($"{acc} static void {spec.Name}Backward({Shape.Join(backwardSpans, s.ParameterList(true))})"))
        {
            CheckShapes(writer, s, s.InputGradients, backwardReads);
            Dispatch(writer, s, "Backward", Shape.Join(backwardNames, s.ParameterNames), s.InputGradients[0]);
        }

        if (s.Kernels.HasTrainables)
        {
            string outs = string.Join(", ", s.TrainableGradients.Select(g => $"out {s.T} {g}"));
            string outNames = string.Join(", ", s.TrainableGradients.Select(g => $"out {g}"));
            writer.Line();
            Summary(writer, $"Backward of <c>{Xml(s.Kernels.FormulaDoc)}</c> that also sums the gradient of each trainable parameter: {string.Join(", ", s.TrainableGradients.Select((g, i) => $"<paramref name=\"{g}\"/> = Σ {s.IncomingGradient}·∂f/∂{s.Trainables[i].Name}"))}. Sums accumulate in double in blocks, so they stay accurate over millions of elements.", s);
            Throws(writer);
            writer.Line(ActivationEmitter.GeneratedCode);
            using (writer.Block($"{acc} static void {spec.Name}Backward({Shape.Join(backwardSpans, s.ParameterList(false), outs)})"))
            {
                CheckShapes(writer, s, s.InputGradients, backwardReads);
                Dispatch(writer, s, "BackwardWithTrainables", Shape.Join(backwardNames, s.ParameterNames, outNames), s.InputGradients[0]);
            }
        }

        if (s.Kernels.BackwardFromOutput is not null)
        {
            var reads = new[] { s.Output, s.IncomingGradient };
            writer.Line();
            Summary(writer, $"Backward of <c>{Xml(s.Kernels.FormulaDoc)}</c> from its output alone (no need to keep {s.Inputs[0].Name}): <paramref name=\"{s.InputGradients[0]}\"/> = {s.IncomingGradient}·<c>{Xml(s.Kernels.FromOutputDoc!)}</c> where {s.Output} = f({s.Inputs[0].Name}).", s);
            Throws(writer);
            writer.Line(ActivationEmitter.GeneratedCode);
            using (writer.Block($"{acc} static void {spec.Name}BackwardFromOutput({Shape.Join($"{s.ReadOnlySpan} {s.Output}", $"{s.ReadOnlySpan} {s.IncomingGradient}", $"{s.Span} {s.InputGradients[0]}", s.ParameterList(true))})"))
            {
                CheckShapes(writer, s, s.InputGradients, reads);
                Dispatch(writer, s, "BackwardFromOutput", Shape.Join(s.Output, s.IncomingGradient, s.InputGradients[0], s.ParameterNames), s.InputGradients[0]);
            }
        }

        if (s.Kernels.Derivative is not null)
        {
            writer.Line();
            Summary(writer, $"∂f/∂{s.Inputs[0].Name} of <c>{Xml(s.Kernels.FormulaDoc)}</c> at one point: <c>{Xml(s.Kernels.PartialDocs[0])}</c>.", s);
            writer.Line(ActivationEmitter.GeneratedCode);
            writer.Line($"{acc} static {s.T} {spec.Name}Derivative({Shape.Join(inputs, s.ParameterList(true))})");
            writer.Line($"    => {s.KernelClass}.Derivative({Shape.Join(inputNames, s.ParameterNames)});");
        }
    }

    private static void Summary(SourceWriter writer, string summary, Shape s)
    {
        writer.Line("/// <summary>").Line("/// " + summary).Line("/// </summary>");
        writer.Line("/// <remarks>");
        writer.Line($"/// f = <c>{Xml(s.Kernels.FormulaDoc)}</c><br/>");
        var wrt = s.Inputs.Concat(s.Trainables).ToArray();
        for (int i = 0; i < wrt.Length; i++)
            writer.Line($"/// ∂f/∂{wrt[i].Name} = <c>{Xml(s.Kernels.PartialDocs[i])}</c><br/>");
        writer.Line("/// </remarks>");
    }

    private static void Throws(SourceWriter writer) =>
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A span's length differs from the first input's, or an output partly overlaps an input.</exception>");

    /// <summary>Every check runs before the first write, so a bad call leaves every output untouched.</summary>
    private static void CheckShapes(SourceWriter writer, Shape s, string[] outputs, string[] reads)
    {
        string first = reads[0];
        foreach (var span in reads.Skip(1).Concat(outputs))
            writer.Line($"global::ActivationGen.Elementwise.CheckLength({first}.Length, {span}.Length, nameof({span}));");
        foreach (var output in outputs)
            foreach (var read in reads)
                writer.Line($"global::ActivationGen.Elementwise.CheckOverlap<{s.T}>({read}, {output}, nameof({output}));");
    }

    /// <summary>Runs the span kernel at the widest vector width that is accelerated and fits the data.</summary>
    private static void Dispatch(SourceWriter writer, Shape s, string kernel, string arguments, string lengthOf)
    {
        string[] widths = ["Vec512", "Vec256", "Vec128"];
        for (int i = 0; i < widths.Length; i++)
        {
            string v = s.Element.Vector(widths[i]);
            writer.Line($"{(i == 0 ? "if" : "else if")} ({v}.IsHardwareAccelerated && {lengthOf}.Length >= {v}.Count)");
            writer.Line($"    {s.KernelClass}.Run{kernel}<{v}>({arguments});");
        }
        writer.Line("else");
        writer.Line($"    {s.KernelClass}.Run{kernel}<{s.Element.Vector("Vec1")}>({arguments});");
    }

    private static string Xml(string text) => SecurityElement.Escape(text) ?? "";
}
