using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>A function under test: its vector form over <c>float</c> and a double-precision reference.</summary>
internal interface ISingleOp
{
    static abstract TV Apply<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>;
    static abstract double Reference(double x);
}

/// <summary>A function under test over <c>double</c> and its reference.</summary>
internal interface IDoubleOp
{
    static abstract TV Apply<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>;
    static abstract double Reference(double x);
}

/// <summary>Runs an op at every width (emulated where not accelerated) over whole arrays and measures the error against its reference.</summary>
internal static class Harness
{
    public static void Run<TOp, TV>(float[] x, float[] y) where TOp : ISingleOp where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        for (nuint i = 0; i + (nuint)TV.Count <= (nuint)x.Length; i += (nuint)TV.Count)
        {
            TV.StoreUnsafe(TOp.Apply(TV.LoadUnsafe(ref x[0], i)), ref y[0], i);
        }
    }

    public static void Run<TOp, TV>(double[] x, double[] y) where TOp : IDoubleOp where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        for (nuint i = 0; i + (nuint)TV.Count <= (nuint)x.Length; i += (nuint)TV.Count)
        {
            TV.StoreUnsafe(TOp.Apply(TV.LoadUnsafe(ref x[0], i)), ref y[0], i);
        }
    }

    public static IEnumerable<(string Name, Action<float[], float[]> Run)> Widths<TOp>() where TOp : ISingleOp
    {
        // Every width, accelerated or not: a width the host does not accelerate runs .NET's emulation of it, which
        // still takes that width's code path (its intrinsics guards and fallbacks), so each path is tested on every host.
        yield return ("Vec1", Run<TOp, Vec1<float>>);
        yield return (WidthName("Vec128", Vec128<float>.IsHardwareAccelerated), Run<TOp, Vec128<float>>);
        yield return (WidthName("Vec256", Vec256<float>.IsHardwareAccelerated), Run<TOp, Vec256<float>>);
        yield return (WidthName("Vec512", Vec512<float>.IsHardwareAccelerated), Run<TOp, Vec512<float>>);
    }

    public static IEnumerable<(string Name, Action<double[], double[]> Run)> WidthsDouble<TOp>() where TOp : IDoubleOp
    {
        yield return ("Vec1", Run<TOp, Vec1<double>>);
        yield return (WidthName("Vec128", Vec128<double>.IsHardwareAccelerated), Run<TOp, Vec128<double>>);
        yield return (WidthName("Vec256", Vec256<double>.IsHardwareAccelerated), Run<TOp, Vec256<double>>);
        yield return (WidthName("Vec512", Vec512<double>.IsHardwareAccelerated), Run<TOp, Vec512<double>>);
    }

    private static string WidthName(string width, bool accelerated) => accelerated ? width : width + " (emulated)";

    /// <summary>
    /// Asserts every width within <paramref name="maxUlp"/> of the reference where it is finite in float, and the
    /// exact special value (NaN, or the infinity the reference rounds to) elsewhere. Returns the worst error seen.
    /// </summary>
    public static double CheckSingle<TOp>(string name, float[] x, double maxUlp, ITestOutputHelper output) where TOp : ISingleOp
    {
        var reference = new double[x.Length];
        Parallel.For(0, x.Length, i => reference[i] = TOp.Reference(x[i]));
        var results = new List<(string, float[])>();
        foreach (var (width, run) in Widths<TOp>())
        {
            var y = new float[x.Length];
            run(x, y);
            results.Add((width, y));
        }
        return Compare(name, i => x[i].ToString("R"), reference, results, maxUlp, output, SingleError, "float ");
    }

    public static double CheckDouble<TOp>(string name, double[] x, double maxUlp, ITestOutputHelper output) where TOp : IDoubleOp
    {
        var reference = new double[x.Length];
        Parallel.For(0, x.Length, i => reference[i] = TOp.Reference(x[i]));
        var results = new List<(string, double[])>();
        foreach (var (width, run) in WidthsDouble<TOp>())
        {
            var y = new double[x.Length];
            run(x, y);
            results.Add((width, y));
        }
        return Compare(name, i => x[i].ToString("R"), reference, results, maxUlp, output, DoubleError, "double");
    }

    public static double Compare<T>(string name, Func<int, string> describe, double[] reference, List<(string Width, T[] Y)> results,
        double maxUlp, ITestOutputHelper output, Func<T, double, double> error, string type)
    {
        double worst = 0;
        var failures = new List<string>();
        foreach (var (width, y) in results)
        {
            double widthWorst = 0;
            int worstAt = 0;
            for (int i = 0; i < y.Length; i++)
            {
                double e = error(y[i], reference[i]);
                if (e > widthWorst)
                {
                    widthWorst = e;
                    worstAt = i;
                }
                if (e > maxUlp && failures.Count < 12)
                {
                    failures.Add($"{width} {name}({describe(i)}) = {y[i]:R}, reference {reference[i]:R}, {e:G4} ulp");
                }
            }
            output.WriteLine($"{type} {name,-9} {width,-7} max {widthWorst:F3} ulp at {describe(worstAt)}");
            worst = Math.Max(worst, widthWorst);
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        return worst;
    }

    /// <summary>Error in ulps, or +∞ when a special value is wrong.</summary>
    public static double SingleError(float actual, double reference)
    {
        if (double.IsNaN(reference))
        {
            return float.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }
        float rounded = (float)reference;
        if (float.IsInfinity(rounded))
        {
            return actual == rounded ? 0 : double.PositiveInfinity;
        }
        return float.IsFinite(actual) ? Ulp.OfFloat(actual, reference) : double.PositiveInfinity;
    }

    public static double DoubleError(double actual, double reference)
    {
        if (double.IsNaN(reference))
        {
            return double.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }
        if (double.IsInfinity(reference))
        {
            return actual == reference ? 0 : double.PositiveInfinity;
        }
        return double.IsFinite(actual) ? Ulp.OfDouble(actual, reference) : double.PositiveInfinity;
    }
}
