using System.Linq;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The loop that drives a vector kernel over spans: one pass over memory, and a tail that re-runs the last
/// full vector instead of a scalar loop. The last vector is computed before the loop, so that in place
/// (an output that is an input) every read happens before the write that would clobber it. Sums of
/// trainable gradients accumulate in compensated (Kahan) lanes that flush into a double every 256 vectors.
/// </summary>
internal static class SpanLoops
{
    private const string GetReference = "global::System.Runtime.InteropServices.MemoryMarshal.GetReference";

    public static void Write(SourceWriter writer, Shape s, SpanMember member)
    {
        var spec = s.Spec;
        string width = Names.Unique("width", spec), last = Names.Unique("last", spec), i = Names.Unique("i", spec);
        string block = Names.Unique("block", spec), counted = Names.Unique("counted", spec);
        string zero = $"TV.Create({s.Element.Literal(0)})";
        var sums = member.Sums;
        var outs = member.Writes.Concat(sums).ToArray();
        string Parameters() => string.Join(", ", s.Parameters.Select(p => "v" + Names.Pascal(p.Name)));
        string Call(string index, string prefix) => $"{member.Kernel}({Shape.Join(
            string.Join(", ", member.Reads.Select(n => $"TV.LoadUnsafe(ref {n}Ref, {index})")),
            Parameters(),
            string.Join(", ", outs.Select(o => $"out TV {prefix}{Names.Pascal(o)}")))});";

        writer.Line();
        writer.Line($"public static void Run{member.Kernel}<TV>({member.Parameters(s, withDefaults: false)})");
        writer.Line($"    {s.Element.Constraint}");
        using (writer.Block())
        {
            foreach (var sum in sums)
                writer.Line($"{sum} = 0;");
            writer.Line($"if ({member.LengthOf}.Length == 0)");
            writer.Line("    return;");
            foreach (var span in member.Reads.Concat(member.Writes))
                writer.Line($"ref {s.T} {span}Ref = ref {GetReference}({span});");
            foreach (var p in s.Parameters)
                writer.Line($"TV v{Names.Pascal(p.Name)} = TV.Create({p.Name});");
            writer.Line($"nuint {width} = (nuint)TV.Count;");
            writer.Line($"nuint {last} = (nuint){member.LengthOf}.Length - {width};");
            writer.Line(Call(last, last));
            foreach (var sum in sums)
            {
                writer.Line($"TV {sum}Lanes = {zero};");
                writer.Line($"TV {sum}Compensation = {zero};");
            }
            foreach (var sum in sums)
                writer.Line($"double {sum}Total = 0;");
            writer.Lines(sums.Length == 0
                ? $"for (nuint {i} = 0; {i} < {last}; {i} += {width})"
                : $"nuint {i} = 0;\nfor (int {block} = 1; {i} < {last}; {i} += {width}, {block}++)");
            using (writer.Block())
            {
                writer.Line(Call(i, "v"));
                foreach (var w in member.Writes)
                    writer.Line($"TV.StoreUnsafe(v{Names.Pascal(w)}, ref {w}Ref, {i});");
                foreach (var sum in sums)
                {
                    // Compensated (Kahan) lanes: a plain float running sum drifts by up to n·ε over n vectors.
                    writer.Line($"TV {sum}Step = v{Names.Pascal(sum)} - {sum}Compensation;");
                    writer.Line($"TV {sum}Next = {sum}Lanes + {sum}Step;");
                    writer.Line($"{sum}Compensation = ({sum}Next - {sum}Lanes) - {sum}Step;");
                    writer.Line($"{sum}Lanes = {sum}Next;");
                }
                if (sums.Length > 0)
                {
                    using (writer.Block($"if (({block} & 255) == 0)"))
                    {
                        foreach (var sum in sums)
                        {
                            writer.Line($"{sum}Total += (double)TV.Sum({sum}Lanes) - (double)TV.Sum({sum}Compensation);");
                            writer.Line($"{sum}Lanes = {zero};");
                            writer.Line($"{sum}Compensation = {zero};");
                        }
                    }
                }
            }
            foreach (var w in member.Writes)
                writer.Line($"TV.StoreUnsafe({last}{Names.Pascal(w)}, ref {w}Ref, {last});");
            if (sums.Length > 0)
            {
                writer.Line("// Lanes of the last vector that the loop already covered are not counted twice.");
                writer.Line($"TV {counted} = TV.LessThan(TV.Indices, TV.Create(({s.T})({i} - {last})));");
                foreach (var sum in sums)
                    writer.Line($"{sum} = ({s.T})({sum}Total - TV.Sum({sum}Compensation) + TV.Sum({sum}Lanes) + TV.Sum(TV.ConditionalSelect({counted}, {zero}, {last}{Names.Pascal(sum)})));");
            }
        }
    }
}
