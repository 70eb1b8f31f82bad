using System.Linq;
using ActivationGen.Generator.Lowering;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The file-local kernel class: the formula and its adjoints as straight-line code generic over the vector
/// width, the loops that run them over spans, and the dispatch to the widest accelerated width. One body
/// serves every width and the scalar members. Where hyperparameters declared with a default of 1 are 1, the span
/// members run a second kernel without the products and quotients by them (<see cref="SpanMember.AtUnit"/>).
/// </summary>
internal static class KernelClass
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    private static readonly string[] Widths = ["Vec512", "Vec256", "Vec128"];

    public static void Write(SourceWriter writer, Shape s)
    {
        var k = s.Kernels;
        string one = s.Element.Vector("Vec1");
        var inputs = s.Inputs.Select(p => p.Name).ToArray();
        string scalarParameters = Shape.Join(string.Join(", ", inputs.Select(n => $"{s.T} {n}")), s.ParameterList(false));
        string lifted = string.Join(", ", inputs.Concat(s.Parameters.Select(p => p.Name)).Select(n => $"{one}.Create({n})"));
        var members = SpanMember.Of(s).ToArray();
        var atUnit = members.Select(m => m.AtUnit(s)).ToArray();

        writer.Line($"/// <summary>Kernels of <c>{PublicMembers.Xml(s.Spec.Formula ?? "")}</c>, generic over the vector width.</summary>");
        writer.Line(ActivationEmitter.GeneratedCode);
        using (writer.Block($"file static class {s.KernelClass}"))
        {
            // The scalar members run the same code as the span kernels, on one lane.
            using (writer.Block($"public static {s.T} Value({scalarParameters})"))
            {
                writer.Line($"{s.KernelClass}.Forward({lifted}, out var {s.Output});");
                writer.Line($"return {one}.Sum({s.Output});");
            }
            if (k.HasDerivative)
            {
                // The backward kernel with dy = 1: the very operations of the span backward, so both agree.
                string liftedInputs = string.Join(", ", inputs.Select(n => $"{one}.Create({n})"));
                string liftedParameters = string.Join(", ", s.Parameters.Select(p => $"{one}.Create({p.Name})"));
                writer.Line();
                using (writer.Block($"public static {s.T} Derivative({scalarParameters})"))
                {
                    writer.Line($"{s.KernelClass}.Backward({Shape.Join(liftedInputs, $"{one}.Create({s.Element.Literal(1)})", liftedParameters)}, out var {s.InputGradients[0]});");
                    writer.Line($"return {one}.Sum({s.InputGradients[0]});");
                }
            }

            foreach (var member in members.Concat(atUnit.OfType<SpanMember>()))
            {
                var outs = member.Writes.Concat(member.Sums).ToArray();
                string signature = Shape.Join(
                    string.Join(", ", member.Reads.Select(n => $"{s.VectorType} {n}")),
                    VectorParameters(s),
                    string.Join(", ", outs.Select(n => $"out {s.VectorType} {n}")));
                VectorKernel(writer, s, $"void {member.Kernel}<{s.VectorType}>({signature})", member.Tape!, outs);
            }
            for (int i = 0; i < members.Length; i++)
            {
                Dispatch(writer, s, members[i], atUnit[i]);
                SpanLoops.Write(writer, s, members[i]);
                if (atUnit[i] is { } variant)
                {
                    Dispatch(writer, s, variant, null);
                    SpanLoops.Write(writer, s, variant);
                }
            }
        }
    }

    private static string VectorParameters(Shape s) => string.Join(", ", s.Parameters.Select(p => $"{s.VectorType} {p.Name}"));

    private static void VectorKernel(SourceWriter writer, Shape s, string signature, Tape tape, string[]? outs)
    {
        writer.Line();
        writer.Line(Inline);
        writer.Line($"public static {signature}");
        writer.Line($"    {s.Constraint}");
        using (writer.Block())
        {
            var results = TapeWriter.Write(writer, tape, s, s.Scope());
            if (outs is null)
                writer.Line($"return {results[0]};");
            else
                for (int i = 0; i < outs.Length; i++)
                    writer.Line($"{outs[i]} = {results[i]};");
        }
    }

    /// <summary>
    /// Splits a large output for <see cref="global::ActivationGen.NonTemporalStores"/>: its aligned body is stored past
    /// the caches, the 128 to 255 bytes on either side normally. A member with sums always stores normally, so that its
    /// sums stay one compensated total; so does a member that writes two spans: the split aligns only the first, and
    /// on an AMD Zen 3 two streams of 256-bit non-temporal stores from a loop as slow as ELU's forward with derivative
    /// took 3.0 ns/element at 16M against 1.3–1.7 through the caches (docs/cost-model-zen3.md).
    /// </summary>
    private static void Dispatch(SourceWriter writer, Shape s, SpanMember member, SpanMember? atUnit)
    {
        const string Cached = "global::ActivationGen.Simd.CachedStore";
        writer.Line();
        using (writer.Block($"public static void {member.Kernel}Spans({member.Parameters(s, withDefaults: false)})"))
        {
            if (atUnit is not null)
            {
                var units = s.Kernels.AtUnit!.Parameters.Select(s.IdentifierOf).ToArray();
                writer.Line($"// {string.Join(" = ", units)} = 1, as declared by default: the kernel without the products and quotients by {(units.Length == 1 ? "it" : "them")}, the same results bit for bit.");
                using (writer.Block($"if ({string.Join(" && ", units.Select(u => $"{u} == {s.Element.Literal(1)}"))})"))
                {
                    writer.Line($"{atUnit.Kernel}Spans({member.Arguments(s)});");
                    writer.Line("return;");
                }
            }
            if (member.Sums.Length == 0 && member.Writes.Length == 1)
            {
                var scope = s.Scope();
                string head = scope.Take("head"), body = scope.Take("body");
                using (writer.Block($"if (global::ActivationGen.NonTemporalStores.TrySplit({member.LengthOf}, out int {head}, out int {body}))"))
                {
                    writer.Line($"{member.Kernel}Spans<{Cached}>({member.Arguments(s, span: n => $"{n}.Slice(0, {head})")});");
                    writer.Line($"{member.Kernel}Spans<global::ActivationGen.Simd.NonTemporalStore>({member.Arguments(s, span: n => $"{n}.Slice({head}, {body})")});");
                    writer.Line($"{member.Kernel}Spans<{Cached}>({member.Arguments(s, span: n => $"{n}.Slice({head} + {body})")});");
                    writer.Line("global::ActivationGen.NonTemporalStores.Fence();");
                    writer.Line("return;");
                }
            }
            writer.Line($"{member.Kernel}Spans<{Cached}>({member.Arguments(s)});");
        }
        WidthDispatch(writer, s, member);
    }

    /// <summary>
    /// Runs the loop at the widest vector width that is accelerated and fits the data, two vectors at a time where two
    /// fit the data and <see cref="KernelPairing"/> says the kernel is small enough.
    /// </summary>
    private static void WidthDispatch(SourceWriter writer, Shape s, SpanMember member)
    {
        string store = s.StoreType;
        writer.Line();
        writer.Line($"private static void {member.Kernel}Spans<{store}>({member.Parameters(s, withDefaults: false)})");
        writer.Line($"    {s.StoreConstraint}");
        using (writer.Block())
        {
            bool first = true;
            foreach (string width in Widths)
            {
                string v = s.Element.Vector(width);
                foreach (string run in KernelPairing.Pairs(width, member, s.Element.Keyword) ? new[] { s.Element.VectorPair(width), v } : [v])
                {
                    writer.Line($"{(first ? "if" : "else if")} ({v}.IsHardwareAccelerated && {member.LengthOf}.Length >= {run}.Count)");
                    writer.Line($"    Run{member.Kernel}<{run}, {store}>({member.Arguments(s)});");
                    first = false;
                }
            }
            writer.Line("else");
            writer.Line($"    Run{member.Kernel}<{s.Element.Vector("Vec1")}, {store}>({member.Arguments(s)});");
        }
    }
}
