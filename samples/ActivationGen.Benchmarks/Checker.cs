using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// <c>--check</c>: runs every benchmark method of every class once on the benchmark data (same seed, same sizes)
/// and compares its output with a double-precision reference and with the scalar MathF loop, so that a fast but
/// wrong kernel (or a wrong chain) cannot win. Prints a markdown table; returns false on any failure.
/// </summary>
public static class Checker
{
    /// <summary>Allowed error, relative above 1 in magnitude and absolute below (DESIGN.md: 1e-5 for any formula).</summary>
    public const double Tolerance = 1e-5;

    public static IEnumerable<Type> BenchmarkTypes =>
        typeof(Checker).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ActivationBenchmark).IsAssignableFrom(t))
            .OrderBy(t => t.IsSubclassOf(typeof(BackwardBenchmark)))
            .ThenBy(t => Array.IndexOf(Order, t.Name.Replace("Forward", "").Replace("Backward", "")));

    private static readonly string[] Order = ["Swish", "GeluTanh", "Mish", "Softplus", "Sigmoid", "Tanh"];

    public static bool Run(IReadOnlyList<int> sizes, string? filter)
    {
        bool ok = true;
        Console.WriteLine($"Tolerance: |out − ref| ≤ {Tolerance:0e0}·max(1, |ref|), ref = double-precision formula; "
            + "the same bound against the scalar MathF loop. ulp (vs ref rounded to float, |ref| ≥ 1e-3) is informational.");
        Console.WriteLine();
        Console.WriteLine("| class | N | method | max err vs double | max diff vs MathF loop | max ulp | NaN | result |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |");
        foreach (Type type in BenchmarkTypes)
        {
            if (filter != null && !type.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                continue;
            MethodInfo[] methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null && m.Name != nameof(ActivationBenchmark.CopyTo))
                .OrderBy(m => m.MetadataToken)
                .ToArray();
            foreach (int n in sizes)
            {
                var bench = (ActivationBenchmark)Activator.CreateInstance(type)!;
                bench.N = n;
                bench.Setup();
                var expected = new double[n];
                for (int i = 0; i < n; i++)
                    expected[i] = bench.Expected(i);
                MethodInfo scalarMethod = methods.Single(m => m.Name == "ScalarMathF");
                scalarMethod.Invoke(bench, null);
                float[] scalar = (float[])bench.Out.Clone();
                foreach (MethodInfo method in methods)
                {
                    bench.Out.AsSpan().Fill(float.NaN);
                    method.Invoke(bench, null);
                    var r = Compare(bench.Out, expected, scalar);
                    bool pass = r.NaNs == 0 && r.ErrRef <= Tolerance && r.ErrScalar <= Tolerance;
                    ok &= pass;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {type.Name} | {n} | {method.Name} | {r.ErrRef:0.00e0} | {r.ErrScalar:0.00e0} | {r.Ulp:0.#} | {r.NaNs} | {(pass ? "ok" : "**FAIL**")} |"));
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine(ok ? "check: every kernel agrees with the references." : "check: FAILED (see the rows marked FAIL).");
        return ok;
    }

    private static (double ErrRef, double ErrScalar, double Ulp, int NaNs) Compare(float[] got, double[] expected, float[] scalar)
    {
        double errRef = 0, errScalar = 0, ulp = 0;
        int nans = 0;
        for (int i = 0; i < got.Length; i++)
        {
            float g = got[i];
            double e = expected[i];
            if (float.IsNaN(g) || float.IsInfinity(g)) { nans++; continue; }
            double scale = Math.Max(1.0, Math.Abs(e));
            errRef = Math.Max(errRef, Math.Abs(g - e) / scale);
            errScalar = Math.Max(errScalar, Math.Abs(g - (double)scalar[i]) / scale);
            if (Math.Abs(e) >= 1e-3)
            {
                float ef = (float)e;
                double u = MathF.BitIncrement(MathF.Abs(ef)) - MathF.Abs(ef);
                ulp = Math.Max(ulp, Math.Abs(g - e) / u);
            }
        }
        return (errRef, errScalar, ulp, nans);
    }
}
