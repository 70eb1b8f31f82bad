using System.Linq;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The loops that drive a vector kernel over spans: one pass over memory, and a tail that re-runs the last
/// full vector instead of a scalar loop. The last vector is computed before the loop, so that in place
/// (an output that is an input) every read happens before the write that would clobber it.
/// </summary>
internal static class SpanLoops
{
    private const string GetReference = "global::System.Runtime.InteropServices.MemoryMarshal.GetReference";

    public static void WriteForward(SourceWriter writer, Shape s)
    {
        var inputs = s.Inputs.Select(p => p.Name).ToArray();
        string spans = Shape.Join(string.Join(", ", inputs.Select(n => $"{s.ReadOnlySpan} {n}")), $"{s.Span} {s.Output}", s.ParameterList(false));
        writer.Line();
        writer.Line($"public static void RunForward<TV>({spans})");
        writer.Line($"    {s.Element.Constraint}");
        using (writer.Block())
        {
            var l = Prologue(writer, s, inputs, [s.Output], s.Output);
            writer.Line($"TV {l.Last}{Names.Pascal(s.Output)} = Forward({Shape.Join(Loads(inputs, l.Last, s), Parameters(s))});");
            writer.Line($"for (nuint {l.I} = 0; {l.I} < {l.Last}; {l.I} += {l.Width})");
            writer.Line($"    TV.StoreUnsafe(Forward({Shape.Join(Loads(inputs, l.I, s), Parameters(s))}), ref {Ref(s.Output)}, {l.I});");
            writer.Line($"TV.StoreUnsafe({l.Last}{Names.Pascal(s.Output)}, ref {Ref(s.Output)}, {l.Last});");
        }
    }

    /// <summary>A backward loop: <paramref name="reads"/> in, a gradient span per input out, and <paramref name="sums"/>.</summary>
    public static void WriteBackward(SourceWriter writer, Shape s, string kernel, string[] reads, string[] sums)
    {
        string spans = Shape.Join(
            string.Join(", ", reads.Select(n => $"{s.ReadOnlySpan} {n}")),
            string.Join(", ", s.InputGradients.Select(g => $"{s.Span} {g}")),
            s.ParameterList(false),
            string.Join(", ", sums.Select(g => $"out {s.T} {g}")));
        writer.Line();
        writer.Line($"public static void Run{kernel}<TV>({spans})");
        writer.Line($"    {s.Element.Constraint}");
        using (writer.Block())
        {
            foreach (var sum in sums)
                writer.Line($"{sum} = 0;");
            var l = Prologue(writer, s, reads, s.InputGradients, s.InputGradients[0]);
            var outs = s.InputGradients.Concat(sums).ToArray();
            writer.Line($"{kernel}({Shape.Join(Loads(reads, l.Last, s), Parameters(s), string.Join(", ", outs.Select(o => $"out TV {l.Last}{Names.Pascal(o)}")))});");
            foreach (var sum in sums)
                writer.Line($"TV {Sum(sum)} = TV.Create({s.Element.Literal(0)});");
            foreach (var sum in sums)
                writer.Line($"double {Total(sum)} = 0;");
            string loop = sums.Length == 0
                ? $"for (nuint {l.I} = 0; {l.I} < {l.Last}; {l.I} += {l.Width})"
                : $"nuint {l.I} = 0;\nfor (int {l.Block} = 1; {l.I} < {l.Last}; {l.I} += {l.Width}, {l.Block}++)";
            writer.Lines(loop);
            using (writer.Block())
            {
                writer.Line($"{kernel}({Shape.Join(Loads(reads, l.I, s), Parameters(s), string.Join(", ", outs.Select(o => $"out TV v{Names.Pascal(o)}")))});");
                foreach (var g in s.InputGradients)
                    writer.Line($"TV.StoreUnsafe(v{Names.Pascal(g)}, ref {Ref(g)}, {l.I});");
                foreach (var sum in sums)
                    writer.Line($"{Sum(sum)} += v{Names.Pascal(sum)};");
                if (sums.Length > 0)
                {
                    writer.Line($"// Float lanes flush into a double every 256 vectors, so that long sums keep their precision.");
                    using (writer.Block($"if (({l.Block} & 255) == 0)"))
                    {
                        foreach (var sum in sums)
                        {
                            writer.Line($"{Total(sum)} += TV.Sum({Sum(sum)});");
                            writer.Line($"{Sum(sum)} = TV.Create({s.Element.Literal(0)});");
                        }
                    }
                }
            }
            foreach (var g in s.InputGradients)
                writer.Line($"TV.StoreUnsafe({l.Last}{Names.Pascal(g)}, ref {Ref(g)}, {l.Last});");
            if (sums.Length > 0)
            {
                writer.Line("// Lanes of the last vector that the loop already covered are not counted twice.");
                writer.Line($"TV {l.Counted} = TV.LessThan(TV.Indices, TV.Create(({s.T})({l.I} - {l.Last})));");
                foreach (var sum in sums)
                    writer.Line($"{sum} = ({s.T})({Total(sum)} + TV.Sum({Sum(sum)} + TV.ConditionalSelect({l.Counted}, TV.Create({s.Element.Literal(0)}), {l.Last}{Names.Pascal(sum)})));");
            }
        }
    }

    private sealed record Locals(string Width, string Last, string I, string Block, string Counted);

    /// <summary>Early exit on empty spans, refs to every span, broadcast parameters, the loop bounds.</summary>
    private static Locals Prologue(SourceWriter writer, Shape s, string[] reads, string[] writes, string lengthOf)
    {
        var spec = s.Spec;
        var l = new Locals(Names.Unique("width", spec), Names.Unique("last", spec), Names.Unique("i", spec),
            Names.Unique("block", spec), Names.Unique("counted", spec));
        writer.Line($"if ({lengthOf}.Length == 0)");
        writer.Line("    return;");
        foreach (var span in reads.Concat(writes))
            writer.Line($"ref {s.T} {Ref(span)} = ref {GetReference}({span});");
        foreach (var p in s.Parameters)
            writer.Line($"TV v{Names.Pascal(p.Name)} = TV.Create({p.Name});");
        writer.Line($"nuint {l.Width} = (nuint)TV.Count;");
        writer.Line($"nuint {l.Last} = (nuint){lengthOf}.Length - {l.Width};");
        return l;
    }

    private static string Loads(string[] spans, string index, Shape s) =>
        string.Join(", ", spans.Select(n => $"TV.LoadUnsafe(ref {Ref(n)}, {index})"));

    private static string Parameters(Shape s) => string.Join(", ", s.Parameters.Select(p => "v" + Names.Pascal(p.Name)));

    private static string Ref(string span) => span + "Ref";

    private static string Sum(string gradient) => gradient + "Lanes";

    private static string Total(string gradient) => gradient + "Total";
}
