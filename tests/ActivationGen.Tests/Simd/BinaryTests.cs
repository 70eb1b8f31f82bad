using System;
using System.Runtime.CompilerServices;
using System.Collections.Generic;
using System.Threading.Tasks;
using ActivationGen.Simd;
using Xunit.Abstractions;

namespace ActivationGen.Tests.Simd;

/// <summary>Pow, Min, Max and Clamp of both element types at every width.</summary>
public sealed class BinaryTests(ITestOutputHelper output)
{
    private interface IOp3<T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        static abstract TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, T>, IVectorBits<TV, T>;
        static abstract double Reference(double a, double b, double c);
    }

    private struct PowF : IOp3<float> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Pow(a, b); public static double Reference(double a, double b, double c) => References.Pow(a, b); }
    private struct MinF : IOp3<float> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Min(a, b); public static double Reference(double a, double b, double c) => Math.Min(a, b); }
    private struct MaxF : IOp3<float> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Max(a, b); public static double Reference(double a, double b, double c) => Math.Max(a, b); }
    private struct ClampF : IOp3<float> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => SingleMath.Clamp(a, b, c); public static double Reference(double a, double b, double c) => Math.Min(Math.Max(a, b), c); }
    private struct PowD : IOp3<double> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Pow(a, b); public static double Reference(double a, double b, double c) => References.Pow(a, b); }
    private struct MinD : IOp3<double> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Min(a, b); public static double Reference(double a, double b, double c) => Math.Min(a, b); }
    private struct MaxD : IOp3<double> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Max(a, b); public static double Reference(double a, double b, double c) => Math.Max(a, b); }
    private struct ClampD : IOp3<double> { [MethodImpl(MethodImplOptions.AggressiveInlining)] public static TV Apply<TV>(TV a, TV b, TV c) where TV : struct, IVector<TV, double>, IVectorBits<TV, double> => DoubleMath.Clamp(a, b, c); public static double Reference(double a, double b, double c) => Math.Min(Math.Max(a, b), c); }

    private static readonly (float[] A, float[] B, float[] C) SingleArgs = MakeArgs(Inputs.Singles(1 << 19, 1 << 18), Inputs.SpecialSingles, r => (float)r);
    private static readonly (double[] A, double[] B, double[] C) DoubleArgs = MakeArgs(Inputs.Doubles(1 << 19, 1 << 18), Inputs.SpecialDoubles, r => r);

    /// <summary>
    /// First operands over the whole range; second operands mixing small reals, integers (negative bases) and
    /// the whole range; plus every pair of special values.
    /// </summary>
    private static (T[], T[], T[]) MakeArgs<T>(T[] whole, T[] specials, Func<double, T> from)
    {
        var random = new Random(7);
        var a = new List<T>(); var b = new List<T>(); var c = new List<T>();
        for (int i = 0; i < whole.Length; i++)
        {
            a.Add(whole[i]);
            b.Add((i % 5) switch
            {
                0 => from(random.NextDouble() * 60 - 30),
                1 => from(random.Next(-12, 13)),
                2 => whole[random.Next(whole.Length)],
                3 => from(random.NextDouble() * 6 - 3),
                _ => from(random.Next(-3, 4) + 0.5),
            });
            c.Add(from(random.NextDouble() * 200 - 100));
        }
        foreach (T s in specials)
        {
            foreach (T t in specials)
            {
                a.Add(s); b.Add(t); c.Add(specials[random.Next(specials.Length)]);
            }
        }
        for (int i = 0; i < 1 << 18; i++)
        {
            // Dense positive bases with moderate exponents: where pow's results are ordinary numbers.
            a.Add(from(random.NextDouble() * 10)); b.Add(from(random.NextDouble() * 80 - 40)); c.Add(from(random.NextDouble()));
        }
        while (a.Count % 16 != 0)
        {
            a.Add(from(1)); b.Add(from(1)); c.Add(from(1));
        }
        return (a.ToArray(), b.ToArray(), c.ToArray());
    }

    private static void Run<TOp, TV, T>(T[] a, T[] b, T[] c, T[] y)
        where TOp : IOp3<T> where TV : struct, IVector<TV, T>, IVectorBits<TV, T> where T : unmanaged, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        for (nuint i = 0; i + (nuint)TV.Count <= (nuint)a.Length; i += (nuint)TV.Count)
        {
            TV.StoreUnsafe(TOp.Apply(TV.LoadUnsafe(ref a[0], i), TV.LoadUnsafe(ref b[0], i), TV.LoadUnsafe(ref c[0], i)), ref y[0], i);
        }
    }

    private void CheckSingle<TOp>(string name, double tolerance) where TOp : IOp3<float>
    {
        var (a, b, c) = SingleArgs;
        var reference = new double[a.Length];
        Parallel.For(0, a.Length, i => reference[i] = TOp.Reference(a[i], b[i], c[i]));
        var results = new List<(string, float[])>();
        void Add(string width, Action<float[], float[], float[], float[]> run) { var y = new float[a.Length]; run(a, b, c, y); results.Add((width, y)); }
        // Every width, emulated where the host does not accelerate it (see Harness.Widths).
        Add("Vec1", Run<TOp, Vec1<float>, float>);
        Add("Vec128", Run<TOp, Vec128<float>, float>);
        Add("Vec256", Run<TOp, Vec256<float>, float>);
        Add("Vec512", Run<TOp, Vec512<float>, float>);
        Harness.Compare(name, i => $"{a[i]:R}, {b[i]:R}, {c[i]:R}", reference, results, tolerance, output, Harness.SingleError, "float ");
    }

    private void CheckDouble<TOp>(string name, double tolerance) where TOp : IOp3<double>
    {
        var (a, b, c) = DoubleArgs;
        var reference = new double[a.Length];
        Parallel.For(0, a.Length, i => reference[i] = TOp.Reference(a[i], b[i], c[i]));
        var results = new List<(string, double[])>();
        void Add(string width, Action<double[], double[], double[], double[]> run) { var y = new double[a.Length]; run(a, b, c, y); results.Add((width, y)); }
        Add("Vec1", Run<TOp, Vec1<double>, double>);
        Add("Vec128", Run<TOp, Vec128<double>, double>);
        Add("Vec256", Run<TOp, Vec256<double>, double>);
        Add("Vec512", Run<TOp, Vec512<double>, double>);
        Harness.Compare(name, i => $"{a[i]:R}, {b[i]:R}, {c[i]:R}", reference, results, tolerance, output, Harness.DoubleError, "double");
    }

    [Fact] public void SinglePow() => CheckSingle<PowF>("Pow", 4);
    [Fact] public void SingleMin() => CheckSingle<MinF>("Min", 0);
    [Fact] public void SingleMax() => CheckSingle<MaxF>("Max", 0);
    [Fact] public void SingleClamp() => CheckSingle<ClampF>("Clamp", 0);
    [Fact] public void DoublePow() => CheckDouble<PowD>("Pow", 5);
    [Fact] public void DoubleMin() => CheckDouble<MinD>("Min", 0);
    [Fact] public void DoubleMax() => CheckDouble<MaxD>("Max", 0);
    [Fact] public void DoubleClamp() => CheckDouble<ClampD>("Clamp", 0);
}
