using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The loop that drives a vector kernel over spans: one pass over memory, and a tail that re-runs the last
/// full vector instead of a scalar loop. The last vector's inputs are loaded before anything is written, so
/// that in place (an output that is an input) it still reads the original values. Sums of trainable
/// gradients accumulate in compensated float lanes that flush into a double every 256 vectors.
/// </summary>
/// <remarks>
/// <para>
/// A small kernel (a few vector instructions per element, see <see cref="IsSmall"/>) gets a plain counted
/// loop and a second copy of itself for the last vector. A large one is inlined once: the last vector goes
/// through the same loop body, chosen by a flag, because two copies of a large kernel run the JIT out of
/// locals and leave calls to vector operators in the hot loop. The flag costs a few scalar instructions and
/// a branch per vector, and splits the loop into blocks whose placement the JIT does not align: for a
/// memory-bound kernel that is half its time in L1 (0.12 against 0.05 ns/element for ReLU backward at AVX2,
/// by where the code happened to land), for a compute-bound one it is noise.
/// </para>
/// <para>
/// The loop is never inlined into its caller: inlined there, the JIT runs out of inlining budget partway
/// through the kernel's math and leaves calls (and spills) in the hot loop.
/// </para>
/// </remarks>
internal static class SpanLoops
{
    private const string GetReference = "global::System.Runtime.InteropServices.MemoryMarshal.GetReference";
    // Optimized at once: as tier-0 code (no inlining: every vector operation a call) a first call on 16M elements ran 15–30× its steady time.
    private const string NoInlining = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining | global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    /// <summary>
    /// The most instructions a kernel inlined twice may have: every catalog kernel made only of operators,
    /// compares, selects and min/max/clamp fits, and twice that many inlinees is still far from the JIT's
    /// limit of locals.
    /// </summary>
    private const int MostInstructionsOfSmallKernel = 32;

    public static void Write(SourceWriter writer, Shape s, SpanMember member)
    {
        var loop = new LoopNames(s, member);
        writer.Line();
        writer.Line(NoInlining);
        writer.Line($"public static void Run{member.Kernel}<{s.VectorType}, {s.StoreType}>({member.Parameters(s, withDefaults: false)})");
        writer.Line($"    {s.Constraint}");
        writer.Line($"    {s.StoreConstraint}");
        using (writer.Block())
        {
            WritePrologue(writer, s, member, loop);
            if (IsSmall(member.Tape))
                WriteLoopThenLast(writer, s, member, loop);
            else
                WriteLoopWithLastInside(writer, s, member, loop);
            foreach (var sum in member.Sums)
                writer.Line($"{sum} = ({s.T}){loop.Total[sum]};");
        }
    }

    /// <summary>True when every instruction is one or a few vector instructions (no call into the math library) and there are few.</summary>
    internal static bool IsSmall(Tape? tape) =>
        tape is not null && tape.Instructions.Count <= MostInstructionsOfSmallKernel && tape.Instructions.All(i => IsFewVectorInstructions(i.Op));

    private static bool IsFewVectorInstructions(Op op) => Functions.Of(op).RuntimeKind switch
    {
        RuntimeKind.Operator or RuntimeKind.Vector => true,
        RuntimeKind.Math => op is Op.Abs or Op.Sign or Op.Min or Op.Max or Op.Clamp or Op.Sqrt,
        var kind => throw new System.InvalidOperationException("ActivationGen internal error: runtime kind " + kind),
    };

    private static void WritePrologue(SourceWriter writer, Shape s, SpanMember member, LoopNames loop)
    {
        string v = s.VectorType;
        foreach (var sum in member.Sums)
            writer.Line($"{sum} = 0;");
        writer.Line($"if ({member.LengthOf}.Length == 0)");
        writer.Line("    return;");
        foreach (var span in member.Reads.Concat(member.Writes))
            writer.Line($"ref {s.T} {loop.Refs[span]} = ref {GetReference}({span});");
        foreach (var p in s.Parameters)
            writer.Line($"{v} {loop.Broadcast[p.Name]} = {v}.Create({p.Name});");
        writer.Line($"nuint {loop.Width} = (nuint){v}.Count;");
        writer.Line($"nuint {loop.Last} = (nuint){member.LengthOf}.Length - {loop.Width};");
        foreach (var read in member.Reads)
            writer.Line($"{v} {loop.Saved[read]} = {v}.LoadUnsafe(ref {loop.Refs[read]}, {loop.Last});");
        foreach (var sum in member.Sums)
        {
            writer.Line($"{v} {loop.Lanes[sum]} = {loop.Zero};");
            writer.Line($"{v} {loop.Compensation[sum]} = {loop.Zero};");
            writer.Line($"double {loop.Total[sum]} = 0;");
        }
    }

    /// <summary>A counted loop over the vectors before the last, then the last vector by a second copy of the kernel.</summary>
    private static void WriteLoopThenLast(SourceWriter writer, Shape s, SpanMember member, LoopNames loop)
    {
        string v = s.VectorType, i = loop.Index;
        bool sums = member.Sums.Length > 0;
        // The index outlives the loop when there are sums: where it stopped tells how much of the last vector the loop covered.
        if (sums)
            writer.Line($"nuint {i} = 0;");
        string header = sums
            ? $"for (nuint {loop.Block} = 1; {i} < {loop.Last}; {i} += {loop.Width}, {loop.Block}++)"
            : $"for (nuint {i} = 0; {i} < {loop.Last}; {i} += {loop.Width})";
        using (writer.Block(header))
        {
            WriteKernelCall(writer, s, member, loop, member.Reads.Select(n => $"{v}.LoadUnsafe(ref {loop.Refs[n]}, {i})"), loop.Current);
            foreach (var w in member.Writes)
                writer.Line($"{s.StoreType}.Store({loop.Current[w]}, ref {loop.Refs[w]}, {i});");
            if (sums)
            {
                WriteCompensatedAdd(writer, s, member, loop, loop.Current, loop.Step);
                using (writer.Block($"if (({loop.Block} & 255) == 0)"))
                    WriteFlush(writer, s, member, loop, again: true);
            }
        }
        WriteKernelCall(writer, s, member, loop, member.Reads.Select(n => loop.Saved[n]), loop.LastOut);
        foreach (var w in member.Writes)
            writer.Line($"{s.StoreType}.Store({loop.LastOut[w]}, ref {loop.Refs[w]}, {loop.Last});");
        if (sums)
        {
            writer.Line("// Lanes of the last vector that the loop covered are not counted twice.");
            WriteUncountedOnly(writer, s, member, loop, loop.LastOut, $"({i} - {loop.Last})");
            WriteCompensatedAdd(writer, s, member, loop, loop.LastOut, loop.LastStep);
            WriteFlush(writer, s, member, loop, again: false);
        }
    }

    /// <summary>One copy of the kernel: after the vectors before the last, the loop body runs once more on the saved last vector.</summary>
    private static void WriteLoopWithLastInside(SourceWriter writer, Shape s, SpanMember member, LoopNames loop)
    {
        string v = s.VectorType, i = loop.Index, isLast = loop.IsLast;
        bool sums = member.Sums.Length > 0;
        writer.Line(sums
            ? $"for (nuint {i} = 0, {loop.Block} = 1; ; {i} += {loop.Width}, {loop.Block}++)"
            : $"for (nuint {i} = 0; ; {i} += {loop.Width})");
        using (writer.Block())
        {
            writer.Line($"bool {isLast} = {i} >= {loop.Last};");
            if (sums)
                writer.Line($"nuint {loop.Covered} = {isLast} ? {i} - {loop.Last} : 0;");
            writer.Line($"if ({isLast})");
            writer.Line($"    {i} = {loop.Last};");
            WriteKernelCall(writer, s, member, loop, member.Reads.Select(n => $"{isLast} ? {loop.Saved[n]} : {v}.LoadUnsafe(ref {loop.Refs[n]}, {i})"), loop.Current);
            foreach (var w in member.Writes)
                writer.Line($"{s.StoreType}.Store({loop.Current[w]}, ref {loop.Refs[w]}, {i});");
            if (sums)
            {
                writer.Line("// Lanes of the last vector that earlier vectors covered are not counted twice.");
                using (writer.Block($"if ({isLast})"))
                    WriteUncountedOnly(writer, s, member, loop, loop.Current, loop.Covered);
                WriteCompensatedAdd(writer, s, member, loop, loop.Current, loop.Step);
                using (writer.Block($"if (({loop.Block} & 255) == 0 || {isLast})"))
                    WriteFlush(writer, s, member, loop, again: true);
            }
            writer.Line($"if ({isLast})");
            writer.Line("    break;");
        }
    }

    /// <summary>Zeroes each sum's lanes below <paramref name="covered"/> (an expression ready for a cast): the last vector's lanes that earlier vectors already added.</summary>
    private static void WriteUncountedOnly(SourceWriter writer, Shape s, SpanMember member, LoopNames loop, Dictionary<string, string> values, string covered)
    {
        string v = s.VectorType;
        writer.Line($"{v} {loop.Counted} = {v}.LessThan({v}.Indices, {v}.Create(({s.T}){covered}));");
        foreach (var sum in member.Sums)
            writer.Line($"{values[sum]} = {v}.ConditionalSelect({loop.Counted}, {loop.Zero}, {values[sum]});");
    }

    private static void WriteKernelCall(SourceWriter writer, Shape s, SpanMember member, LoopNames loop, IEnumerable<string> inputs, Dictionary<string, string> outputs) =>
        writer.Line($"{s.KernelClass}.{member.Kernel}({Shape.Join(
            string.Join(", ", inputs),
            string.Join(", ", s.Parameters.Select(p => loop.Broadcast[p.Name])),
            string.Join(", ", member.Writes.Concat(member.Sums).Select(o => $"out {s.VectorType} {outputs[o]}")))});");

    /// <summary>Adds each sum's vector into its lanes; <paramref name="temporaries"/> names the step and the next lanes (each copy declares its own).</summary>
    private static void WriteCompensatedAdd(SourceWriter writer, Shape s, SpanMember member, LoopNames loop, Dictionary<string, string> values,
        Dictionary<string, (string Step, string Next)> temporaries)
    {
        string v = s.VectorType;
        foreach (var sum in member.Sums)
        {
            var (step, next) = temporaries[sum];
            // Compensated (Kahan) lanes: a plain float running sum drifts by up to n·ε over n vectors.
            writer.Line($"{v} {step} = {values[sum]} - {loop.Compensation[sum]};");
            writer.Line($"{v} {next} = {loop.Lanes[sum]} + {step};");
            writer.Line($"{loop.Compensation[sum]} = ({next} - {loop.Lanes[sum]}) - {step};");
            writer.Line($"{loop.Lanes[sum]} = {next};");
        }
    }

    /// <summary>Moves each sum's lanes into its double total; <paramref name="again"/> clears them for the vectors still to come.</summary>
    private static void WriteFlush(SourceWriter writer, Shape s, SpanMember member, LoopNames loop, bool again)
    {
        string v = s.VectorType;
        foreach (var sum in member.Sums)
        {
            writer.Line($"{loop.Total[sum]} += (double){v}.Sum({loop.Lanes[sum]}) - (double){v}.Sum({loop.Compensation[sum]});");
            if (!again)
                continue;
            writer.Line($"{loop.Lanes[sum]} = {loop.Zero};");
            writer.Line($"{loop.Compensation[sum]} = {loop.Zero};");
        }
    }

    /// <summary>The generated locals, each taken once from the member's scope so that none collides with a user's name.</summary>
    private sealed class LoopNames
    {
        public LoopNames(Shape s, SpanMember member)
        {
            var scope = s.Scope();
            Width = scope.Take("width");
            Last = scope.Take("last");
            Index = scope.Take("i");
            IsLast = scope.Take("isLast");
            Block = scope.Take("block");
            Covered = scope.Take("covered");
            Counted = scope.Take("counted");
            Zero = $"{s.VectorType}.Create({s.Element.Literal(0)})";
            var outs = member.Writes.Concat(member.Sums).ToArray();
            Refs = member.Reads.Concat(member.Writes).ToDictionary(n => n, n => scope.Take(n + "Ref"));
            Saved = member.Reads.ToDictionary(n => n, n => scope.Take(Last + Names.Pascal(n)));
            Broadcast = s.Parameters.ToDictionary(p => p.Name, p => scope.Take("v" + Names.Pascal(p.Name)));
            Current = outs.ToDictionary(o => o, o => scope.Take("v" + Names.Pascal(o)));
            LastOut = outs.ToDictionary(o => o, o => scope.Take(Last + Names.Pascal(o)));
            Lanes = member.Sums.ToDictionary(g => g, g => scope.Take(g + "Lanes"));
            Compensation = member.Sums.ToDictionary(g => g, g => scope.Take(g + "Compensation"));
            Total = member.Sums.ToDictionary(g => g, g => scope.Take(g + "Total"));
            Step = member.Sums.ToDictionary(g => g, g => (scope.Take(g + "Step"), scope.Take(g + "Next")));
            LastStep = member.Sums.ToDictionary(g => g, g => (scope.Take(g + "LastStep"), scope.Take(g + "LastNext")));
        }

        public string Width { get; }
        public string Last { get; }
        public string Index { get; }
        public string IsLast { get; }
        public string Block { get; }
        public string Covered { get; }
        public string Counted { get; }
        public string Zero { get; }
        public Dictionary<string, string> Refs { get; }
        /// <summary>The last vector's inputs, loaded before the loop writes anything.</summary>
        public Dictionary<string, string> Saved { get; }
        public Dictionary<string, string> Broadcast { get; }
        /// <summary>The loop body's outputs.</summary>
        public Dictionary<string, string> Current { get; }
        /// <summary>The last vector's outputs, where it has its own copy of the kernel.</summary>
        public Dictionary<string, string> LastOut { get; }
        public Dictionary<string, string> Lanes { get; }
        public Dictionary<string, string> Compensation { get; }
        public Dictionary<string, string> Total { get; }
        public Dictionary<string, (string Step, string Next)> Step { get; }
        public Dictionary<string, (string Step, string Next)> LastStep { get; }
    }
}
