using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace ActivationGen.Probe;

/// <summary>
/// Every single-input float entry of the catalog, forward, backward, backward-from-output and forward with derivative, timed in L1 (4096
/// elements: the compute-bound speed) and at 16M (the memory-bound speed), minimum of many runs. Run it under
/// DOTNET_JitDisasm='RunForward RunBackward RunBackwardFromOutput RunForwardWithDerivative' to get the hot loops for count_ops.py.
/// </summary>
internal static class Kernels
{
    internal delegate void Unary(float[] x, float[] y);
    internal delegate void Binary(float[] a, float[] b, float[] c);

    public static void Run(string? filter)
    {
        var random = new Random(1);
        float[] Make(int n, double lo, double hi) => Enumerable.Range(0, n).Select(_ => (float)(lo + random.NextDouble() * (hi - lo))).ToArray();
        const int small = 4096, large = 1 << 24;
        float[] xs = Make(small, -8, 8), dys = Make(small, -1, 1), ys = new float[small], dxs = new float[small], ds = new float[small];
        float[] xl = Make(large, -8, 8), dyl = Make(large, -1, 1), yl = new float[large], dxl = new float[large], dl = new float[large];
        yl.AsSpan().Fill(1);
        dxl.AsSpan().Fill(1);
        dl.AsSpan().Fill(1);

        Console.WriteLine("| activation | forward L1 | forward 16M | backward L1 | backward 16M | from output L1 | from output 16M | with derivative L1 | with derivative 16M |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, forward, backward, fromOutput, withDerivative) in Catalog())
        {
            if (filter is not null && !name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                continue;
            string F(double v) => v.ToString("F3");
            var cells = new List<string>
            {
                F(Time(() => forward(xs, ys), small, 2000)),
                F(Time(() => forward(xl, yl), large, 12)),
            };
            cells.Add(backward is null ? "—" : F(Time(() => backward(xs, dys, dxs), small, 2000)));
            cells.Add(backward is null ? "—" : F(Time(() => backward(xl, dyl, dxl), large, 12)));
            forward(xs, ys);
            forward(xl, yl);
            cells.Add(fromOutput is null ? "—" : F(Time(() => fromOutput(ys, dys, dxs), small, 2000)));
            cells.Add(fromOutput is null ? "—" : F(Time(() => fromOutput(yl, dyl, dxl), large, 12)));
            cells.Add(withDerivative is null ? "—" : F(Time(() => withDerivative(xs, ys, ds), small, 2000)));
            cells.Add(withDerivative is null ? "—" : F(Time(() => withDerivative(xl, yl, dl), large, 12)));
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} |");
        }
        Console.WriteLine($"| CopyTo | {Time(() => xs.AsSpan().CopyTo(ys), small, 2000):F3} | {Time(() => xl.AsSpan().CopyTo(yl), large, 12):F3} | | | | | | |");
    }

    private static double Time(Action run, int length, int repeats)
    {
        int inner = length < 1 << 16 ? 8 : 1;
        for (int i = 0; i < 3; i++)
            run();
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int k = 0; k < inner; k++)
                run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / inner);
        }
        return best / length;
    }

    internal static IEnumerable<(string Name, Unary Forward, Binary? Backward, Binary? FromOutput, Binary? WithDerivative)> Catalog()
    {
        var methods = typeof(Activations).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(void) && m.GetParameters().All(p => !p.IsOut))
            .ToLookup(m => m.Name);
        // Glu halves its input (a row operation), so it is not an elementwise kernel.
        foreach (var forward in methods.SelectMany(g => g).Where(m => Shape(m) == 2 && m.Name != "Glu").OrderBy(m => m.Name))
        {
            var backward = methods[forward.Name + "Backward"].FirstOrDefault(m => Shape(m) == 3);
            var fromOutput = methods[forward.Name + "BackwardFromOutput"].FirstOrDefault(m => Shape(m) == 3);
            var withDerivative = methods[forward.Name + "WithDerivative"].FirstOrDefault(m => Shape(m, outputs: 2) == 3);
            yield return (forward.Name, (Unary)Bind(forward, typeof(Unary), 2),
                backward is null ? null : (Binary)Bind(backward, typeof(Binary), 3),
                fromOutput is null ? null : (Binary)Bind(fromOutput, typeof(Binary), 3),
                withDerivative is null ? null : (Binary)Bind(withDerivative, typeof(Binary), 3));
        }
    }

    /// <summary>The number of leading span parameters (inputs, then <paramref name="outputs"/> outputs) if every other parameter is a float, else 0.</summary>
    private static int Shape(MethodInfo method, int outputs = 1)
    {
        var parameters = method.GetParameters();
        int spans = parameters.TakeWhile(p => p.ParameterType == typeof(ReadOnlySpan<float>) || p.ParameterType == typeof(Span<float>)).Count();
        bool rest = parameters.Skip(spans).All(p => p.ParameterType == typeof(float));
        bool shape = spans > outputs
            && parameters[(spans - outputs)..spans].All(p => p.ParameterType == typeof(Span<float>))
            && parameters[..(spans - outputs)].All(p => p.ParameterType == typeof(ReadOnlySpan<float>));
        return rest && shape ? spans : 0;
    }

    /// <summary>A delegate over arrays that passes them as spans and every float parameter at its default (1 where none).</summary>
    private static Delegate Bind(MethodInfo method, Type delegateType, int spans)
    {
        var parameters = method.GetParameters();
        var dynamic = new DynamicMethod(method.Name + "OverArrays", typeof(void), Enumerable.Repeat(typeof(float[]), spans).ToArray(), typeof(Kernels).Module);
        var il = dynamic.GetILGenerator();
        for (int i = 0; i < spans; i++)
        {
            il.Emit(OpCodes.Ldarg, i);
            il.Emit(OpCodes.Call, parameters[i].ParameterType.GetMethod("op_Implicit", [typeof(float[])])!);
        }
        foreach (var p in parameters.Skip(spans))
            il.Emit(OpCodes.Ldc_R4, p.HasDefaultValue && p.DefaultValue is float value ? value : 1f);
        il.Emit(OpCodes.Call, method);
        il.Emit(OpCodes.Ret);
        return dynamic.CreateDelegate(delegateType);
    }
}
