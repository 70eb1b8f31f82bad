using System.Collections.Generic;
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
        var scope = s.Scope();
        string v = s.VectorType;
        string width = scope.Take("width"), last = scope.Take("last"), i = scope.Take("i");
        string block = scope.Take("block"), counted = scope.Take("counted");
        string zero = $"{v}.Create({s.Element.Literal(0)})";
        var sums = member.Sums;
        var outs = member.Writes.Concat(sums).ToArray();
        var refs = member.Reads.Concat(member.Writes).ToDictionary(n => n, n => scope.Take(n + "Ref"));
        var broadcast = s.Parameters.ToDictionary(p => p.Name, p => scope.Take("v" + Names.Pascal(p.Name)));
        var lastOut = outs.ToDictionary(o => o, o => scope.Take(last + Names.Pascal(o)));
        var current = outs.ToDictionary(o => o, o => scope.Take("v" + Names.Pascal(o)));
        var lanes = sums.ToDictionary(g => g, g => scope.Take(g + "Lanes"));
        var compensation = sums.ToDictionary(g => g, g => scope.Take(g + "Compensation"));
        var total = sums.ToDictionary(g => g, g => scope.Take(g + "Total"));
        var step = sums.ToDictionary(g => g, g => scope.Take(g + "Step"));
        var next = sums.ToDictionary(g => g, g => scope.Take(g + "Next"));
        string Call(string index, Dictionary<string, string> into) => $"{s.KernelClass}.{member.Kernel}({Shape.Join(
            string.Join(", ", member.Reads.Select(n => $"{v}.LoadUnsafe(ref {refs[n]}, {index})")),
            string.Join(", ", s.Parameters.Select(p => broadcast[p.Name])),
            string.Join(", ", outs.Select(o => $"out {v} {into[o]}")))});";

        writer.Line();
        writer.Line($"public static void Run{member.Kernel}<{v}>({member.Parameters(s, withDefaults: false)})");
        writer.Line($"    {s.Constraint}");
        using (writer.Block())
        {
            foreach (var sum in sums)
                writer.Line($"{sum} = 0;");
            writer.Line($"if ({member.LengthOf}.Length == 0)");
            writer.Line("    return;");
            foreach (var span in member.Reads.Concat(member.Writes))
                writer.Line($"ref {s.T} {refs[span]} = ref {GetReference}({span});");
            foreach (var p in s.Parameters)
                writer.Line($"{v} {broadcast[p.Name]} = {v}.Create({p.Name});");
            writer.Line($"nuint {width} = (nuint){v}.Count;");
            writer.Line($"nuint {last} = (nuint){member.LengthOf}.Length - {width};");
            writer.Line(Call(last, lastOut));
            foreach (var sum in sums)
            {
                writer.Line($"{v} {lanes[sum]} = {zero};");
                writer.Line($"{v} {compensation[sum]} = {zero};");
                writer.Line($"double {total[sum]} = 0;");
            }
            writer.Lines(sums.Length == 0
                ? $"for (nuint {i} = 0; {i} < {last}; {i} += {width})"
                : $"nuint {i} = 0;\nfor (int {block} = 1; {i} < {last}; {i} += {width}, {block}++)");
            using (writer.Block())
            {
                writer.Line(Call(i, current));
                foreach (var w in member.Writes)
                    writer.Line($"{v}.StoreUnsafe({current[w]}, ref {refs[w]}, {i});");
                foreach (var sum in sums)
                {
                    // Compensated (Kahan) lanes: a plain float running sum drifts by up to n·ε over n vectors.
                    writer.Line($"{v} {step[sum]} = {current[sum]} - {compensation[sum]};");
                    writer.Line($"{v} {next[sum]} = {lanes[sum]} + {step[sum]};");
                    writer.Line($"{compensation[sum]} = ({next[sum]} - {lanes[sum]}) - {step[sum]};");
                    writer.Line($"{lanes[sum]} = {next[sum]};");
                }
                if (sums.Length > 0)
                {
                    using (writer.Block($"if (({block} & 255) == 0)"))
                    {
                        foreach (var sum in sums)
                        {
                            writer.Line($"{total[sum]} += (double){v}.Sum({lanes[sum]}) - (double){v}.Sum({compensation[sum]});");
                            writer.Line($"{lanes[sum]} = {zero};");
                            writer.Line($"{compensation[sum]} = {zero};");
                        }
                    }
                }
            }
            foreach (var w in member.Writes)
                writer.Line($"{v}.StoreUnsafe({lastOut[w]}, ref {refs[w]}, {last});");
            if (sums.Length > 0)
            {
                writer.Line("// Lanes of the last vector that the loop already covered are not counted twice.");
                writer.Line($"{v} {counted} = {v}.LessThan({v}.Indices, {v}.Create(({s.T})({i} - {last})));");
                foreach (var sum in sums)
                    writer.Line($"{sum} = ({s.T})({total[sum]} - {v}.Sum({compensation[sum]}) + {v}.Sum({lanes[sum]}) + {v}.Sum({v}.ConditionalSelect({counted}, {zero}, {lastOut[sum]})));");
            }
        }
    }
}
