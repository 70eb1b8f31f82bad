using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The loop that drives a vector kernel over spans: one pass over memory, and a tail that re-runs the last
/// full vector instead of a scalar loop. The last vector's inputs are loaded before anything is written, so
/// that in place (an output that is an input) it still reads the original values; it then goes through the
/// same loop body, so the kernel is inlined once. Sums of trainable gradients accumulate in compensated
/// float lanes that flush into a double every 256 vectors.
/// </summary>
/// <remarks>
/// The loop is never inlined into its caller: inlined there, the JIT runs out of inlining budget partway
/// through the kernel's math and leaves calls (and spills) in the hot loop.
/// </remarks>
internal static class SpanLoops
{
    private const string GetReference = "global::System.Runtime.InteropServices.MemoryMarshal.GetReference";
    // Optimized at once: as tier-0 code (no inlining: every vector operation a call) a first call on 16M elements ran 15–30× its steady time.
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    public static void Write(SourceWriter writer, Shape s, SpanMember member)
    {
        var scope = s.Scope();
        string v = s.VectorType;
        string width = scope.Take("width"), last = scope.Take("last"), i = scope.Take("i"), isLast = scope.Take("isLast");
        string block = scope.Take("block"), covered = scope.Take("covered"), counted = scope.Take("counted");
        string zero = $"{v}.Create({s.Element.Literal(0)})";
        var sums = member.Sums;
        var outs = member.Writes.Concat(sums).ToArray();
        var refs = member.Reads.Concat(member.Writes).ToDictionary(n => n, n => scope.Take(n + "Ref"));
        var saved = member.Reads.ToDictionary(n => n, n => scope.Take(last + Names.Pascal(n)));
        var broadcast = s.Parameters.ToDictionary(p => p.Name, p => scope.Take("v" + Names.Pascal(p.Name)));
        var current = outs.ToDictionary(o => o, o => scope.Take("v" + Names.Pascal(o)));
        var lanes = sums.ToDictionary(g => g, g => scope.Take(g + "Lanes"));
        var compensation = sums.ToDictionary(g => g, g => scope.Take(g + "Compensation"));
        var total = sums.ToDictionary(g => g, g => scope.Take(g + "Total"));
        var step = sums.ToDictionary(g => g, g => scope.Take(g + "Step"));
        var next = sums.ToDictionary(g => g, g => scope.Take(g + "Next"));

        writer.Line();
        writer.Line(NoInlining);
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
            foreach (var read in member.Reads)
                writer.Line($"{v} {saved[read]} = {v}.LoadUnsafe(ref {refs[read]}, {last});");
            foreach (var sum in sums)
            {
                writer.Line($"{v} {lanes[sum]} = {zero};");
                writer.Line($"{v} {compensation[sum]} = {zero};");
                writer.Line($"double {total[sum]} = 0;");
            }
            writer.Line(sums.Length == 0
                ? $"for (nuint {i} = 0; ; {i} += {width})"
                : $"for (nuint {i} = 0, {block} = 1; ; {i} += {width}, {block}++)");
            using (writer.Block())
            {
                writer.Line($"bool {isLast} = {i} >= {last};");
                if (sums.Length > 0)
                    writer.Line($"nuint {covered} = {isLast} ? {i} - {last} : 0;");
                writer.Line($"if ({isLast})");
                writer.Line($"    {i} = {last};");
                writer.Line($"{s.KernelClass}.{member.Kernel}({Shape.Join(
                    string.Join(", ", member.Reads.Select(n => $"{isLast} ? {saved[n]} : {v}.LoadUnsafe(ref {refs[n]}, {i})")),
                    string.Join(", ", s.Parameters.Select(p => broadcast[p.Name])),
                    string.Join(", ", outs.Select(o => $"out {v} {current[o]}")))});");
                foreach (var w in member.Writes)
                    writer.Line($"{v}.StoreUnsafe({current[w]}, ref {refs[w]}, {i});");
                if (sums.Length > 0)
                {
                    writer.Line("// Lanes of the last vector that earlier vectors covered are not counted twice.");
                    using (writer.Block($"if ({isLast})"))
                    {
                        writer.Line($"{v} {counted} = {v}.LessThan({v}.Indices, {v}.Create(({s.T}){covered}));");
                        foreach (var sum in sums)
                            writer.Line($"{current[sum]} = {v}.ConditionalSelect({counted}, {zero}, {current[sum]});");
                    }
                    foreach (var sum in sums)
                    {
                        // Compensated (Kahan) lanes: a plain float running sum drifts by up to n·ε over n vectors.
                        writer.Line($"{v} {step[sum]} = {current[sum]} - {compensation[sum]};");
                        writer.Line($"{v} {next[sum]} = {lanes[sum]} + {step[sum]};");
                        writer.Line($"{compensation[sum]} = ({next[sum]} - {lanes[sum]}) - {step[sum]};");
                        writer.Line($"{lanes[sum]} = {next[sum]};");
                    }
                    using (writer.Block($"if (({block} & 255) == 0 || {isLast})"))
                    {
                        foreach (var sum in sums)
                        {
                            writer.Line($"{total[sum]} += (double){v}.Sum({lanes[sum]}) - (double){v}.Sum({compensation[sum]});");
                            writer.Line($"{lanes[sum]} = {zero};");
                            writer.Line($"{compensation[sum]} = {zero};");
                        }
                    }
                }
                writer.Line($"if ({isLast})");
                writer.Line("    break;");
            }
            foreach (var sum in sums)
                writer.Line($"{sum} = ({s.T}){total[sum]};");
        }
    }
}
