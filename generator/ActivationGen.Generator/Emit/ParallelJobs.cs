using System.Linq;

using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The opt-in multi-core path: a file-local ref struct per span member that runs the member's width
/// dispatch on a sub-range, handed to <c>ActivationGen.Parallelism</c> when a span is long enough.
/// </summary>
internal static class ParallelJobs
{
    public static void WriteSplit(SourceWriter writer, Shape s, SpanMember member)
    {
        using (writer.Block($"if (global::ActivationGen.Parallelism.ShouldSplit({member.LengthOf}.Length))"))
        {
            string job = s.Scope().Take("job");
            string fields = string.Join(", ", member.Reads.Concat(member.Writes).Concat(s.Parameters.Select(p => p.Name)).Select(n => $"{n} = {n}"));
            writer.Line($"var {job} = new {JobName(s, member)} {{ {fields} }};");
            writer.Line($"global::ActivationGen.Parallelism.Run({member.LengthOf}.Length, ref {job});");
            foreach (var sum in member.Sums)
                writer.Line($"{sum} = ({s.T}){job}.{sum};");
            writer.Line("return;");
        }
    }

    public static void WriteJob(SourceWriter writer, Shape s, SpanMember member)
    {
        writer.Line();
        writer.Line(ActivationEmitter.GeneratedCode);
        using (writer.Block($"file ref struct {JobName(s, member)} : global::ActivationGen.IChunkedJob"))
        {
            foreach (var read in member.Reads)
                writer.Line($"public {s.ReadOnlySpan} {read};");
            foreach (var write in member.Writes)
                writer.Line($"public {s.Span} {write};");
            foreach (var p in s.Parameters)
                writer.Line($"public {s.T} {p.Name};");
            foreach (var sum in member.Sums)
                writer.Line($"public double {sum};");
            writer.Line();
            // Fields go through this., since a user parameter may be named start or length.
            using (writer.Block("public void Run(int start, int length)"))
            {
                var scope = new NameScope(["start", "length"]);
                var parts = member.Sums.ToDictionary(g => g, g => scope.Take(g + "Part"));
                string arguments = Shape.Join(
                    string.Join(", ", member.Reads.Concat(member.Writes).Select(n => $"this.{n}.Slice(start, length)")),
                    string.Join(", ", s.Parameters.Select(p => "this." + p.Name)),
                    string.Join(", ", member.Sums.Select(g => $"out {s.T} {parts[g]}")));
                writer.Line($"{s.KernelClass}.{member.Kernel}Spans({arguments});");
                foreach (var sum in member.Sums)
                    writer.Line($"global::ActivationGen.Parallelism.Add(ref this.{sum}, {parts[sum]});");
            }
        }
    }

    private static string JobName(Shape s, SpanMember member) => $"{s.Spec.Name}{member.Kernel}Job";
}
