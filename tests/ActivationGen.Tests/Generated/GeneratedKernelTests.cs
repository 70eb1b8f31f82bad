using System;
using System.Linq;
using System.Numerics;
using static ActivationGen.Tests.Generated.Numerics;

namespace ActivationGen.Tests.Generated;

public sealed class FloatKernelTests : GeneratedKernelTests<float, FloatActivations>;

public sealed class DoubleKernelTests : GeneratedKernelTests<double, DoubleActivations>;

/// <summary>
/// Runs every declaration of the catalog through its generated members: values against the double
/// reference, every input and trainable gradient against finite differences of that reference, on spans of
/// every length from 0 to 67 (every vector width, with and without a tail), and the span contract.
/// </summary>
public abstract class GeneratedKernelTests<T, TA>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TA : IActivations<T>
{
    private const int MaxLength = 67;
    private const int Guard = 3;
    private static readonly T Sentinel = T.CreateTruncating(-12345.5);

    public static TheoryData<string> Names => new(Catalog<T, TA>.Names);

    [Theory, MemberData(nameof(Names))]
    public void Forward_MatchesDoubleReference_AtEveryLength(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        var failures = new Failures();
        for (int n = 0; n <= MaxLength; n++)
        {
            var points = Points(c, n, pd, salt: n);
            var x = Columns(c, points);
            var y = Guarded(n);
            c.Forward(Read(x, n), y.AsMemory(Guard, n), p);
            CheckGuards(y, n, failures, $"n={n} y");
            for (int i = 0; i < n; i++)
            {
                double expected = c.Reference(points[i], pd);
                double got = ToDouble(y[Guard + i]);
                int at = i, length = n;
                failures.Check(Close(got, expected, ValueTolerance<T>()),
                    () => $"span n={length} i={at} x=({Show(points[at])}): got {got:R}, expected {expected:R}");
                double scalar = ToDouble(c.Scalar(points[i].Select(From<T>).ToArray(), p));
                failures.Check(Close(scalar, expected, ValueTolerance<T>()),
                    () => $"scalar x=({Show(points[at])}): got {scalar:R}, expected {expected:R}");
            }
        }
        failures.Assert($"{c} over {typeof(T).Name}");
    }

    [Theory, MemberData(nameof(Names))]
    public void Backward_MatchesFiniteDifferences_AtEveryLength(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        int[] trainables = c.TrainableIndices;
        double tol = GradientTolerance<T>();
        var failures = new Failures();
        for (int n = 0; n <= MaxLength; n++)
        {
            var points = Points(c, n, pd, salt: 1000 + n);
            var x = Columns(c, points);
            var dy = Gradients(n, salt: 2000 + n);
            var dx = c.Inputs.Select(_ => Guarded(n)).ToArray();
            c.Backward(Read(x, n), dy.AsMemory(Guard, n), Write(dx, n), p);

            var dxWithSums = c.Inputs.Select(_ => Guarded(n)).ToArray();
            var sums = new T[trainables.Length];
            c.BackwardSums?.Invoke(Read(x, n), dy.AsMemory(Guard, n), Write(dxWithSums, n), p, sums);
            var expectedSums = new double[trainables.Length];
            var sumSlack = new double[trainables.Length];

            for (int j = 0; j < dx.Length; j++)
            {
                CheckGuards(dx[j], n, failures, $"n={n} d{c.Inputs[j].Name}");
                if (c.BackwardSums is not null)
                    CheckGuards(dxWithSums[j], n, failures, $"n={n} d{c.Inputs[j].Name} (with sums)");
            }
            for (int i = 0; i < n; i++)
            {
                double g = ToDouble(dy[Guard + i]);
                int at = i, length = n;
                for (int j = 0; j < c.Inputs.Length; j++)
                {
                    var d = InputGradient(c, points[i], pd, j);
                    double expected = g * d.Value;
                    double got = ToDouble(dx[j][Guard + i]);
                    string input = c.Inputs[j].Name;
                    failures.Check(Close(got, expected, tol, Math.Abs(g) * d.Error),
                        () => $"n={length} i={at} x=({Show(points[at])}) dy={g:R}: d{input} got {got:R}, expected {expected:R} (±{d.Error:E1})");
                    if (c.BackwardSums is not null)
                    {
                        double again = ToDouble(dxWithSums[j][Guard + i]);
                        failures.Check(Close(again, expected, tol, Math.Abs(g) * d.Error),
                            () => $"with sums n={length} i={at} x=({Show(points[at])}): d{input} got {again:R}, expected {expected:R}");
                    }
                    if (j == 0 && c.Derivative is not null)
                    {
                        double derivative = ToDouble(c.Derivative(From<T>(points[i][0]), p));
                        failures.Check(Close(derivative, d.Value, tol, d.Error),
                            () => $"Derivative x=({Show(points[at])}): got {derivative:R}, expected {d.Value:R}");
                    }
                }
                for (int k = 0; k < trainables.Length; k++)
                {
                    var d = ParameterGradient(c, points[i], pd, trainables[k]);
                    expectedSums[k] += g * d.Value;
                    sumSlack[k] += Math.Abs(g) * (tol * Math.Max(1, Math.Abs(d.Value)) + d.Error);
                }
            }
            for (int k = 0; k < trainables.Length; k++)
            {
                double got = ToDouble(sums[k]), expected = expectedSums[k], slack = sumSlack[k];
                string parameter = c.Parameters[trainables[k]].Name;
                int length = n;
                failures.Check(Math.Abs(got - expected) <= slack + tol,
                    () => $"n={length}: d{parameter} sum got {got:R}, expected {expected:R} (±{slack:E1})");
            }
        }
        failures.Assert($"{c} over {typeof(T).Name}");
    }

    /// <summary>f and ∂f/∂x from one pass: the value against the double reference, the derivative against its finite differences.</summary>
    [Theory, MemberData(nameof(Names))]
    public void WithDerivative_MatchesReferenceAndFiniteDifferences_AtEveryLength(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        if (c.WithDerivative is null)
        {
            Assert.True(c.Inputs.Length > 1, $"{name} has one input but no WithDerivative case");
            return;
        }
        var (p, pd) = Params(c);
        var failures = new Failures();
        for (int n = 0; n <= MaxLength; n++)
        {
            var points = Points(c, n, pd, salt: 3000 + n);
            var x = Columns(c, points);
            var y = Guarded(n);
            var derivative = Guarded(n);
            c.WithDerivative(Read(x, n), y.AsMemory(Guard, n), derivative.AsMemory(Guard, n), p);
            CheckGuards(y, n, failures, $"n={n} y");
            CheckGuards(derivative, n, failures, $"n={n} derivative");
            for (int i = 0; i < n; i++)
            {
                double expected = c.Reference(points[i], pd);
                var d = InputGradient(c, points[i], pd, 0);
                double got = ToDouble(y[Guard + i]), slope = ToDouble(derivative[Guard + i]);
                int at = i, length = n;
                failures.Check(Close(got, expected, ValueTolerance<T>()),
                    () => $"n={length} i={at} x=({Show(points[at])}): y got {got:R}, expected {expected:R}");
                failures.Check(Close(slope, d.Value, GradientTolerance<T>(), d.Error),
                    () => $"n={length} i={at} x=({Show(points[at])}): derivative got {slope:R}, expected {d.Value:R} (±{d.Error:E1})");
            }
        }
        failures.Assert($"{c} over {typeof(T).Name}");
    }

    [Theory, MemberData(nameof(Names))]
    public void InPlace_GivesTheSameResultsAsSeparateBuffers(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        int last = c.Inputs.Length - 1;
        for (int n = 0; n <= MaxLength; n++)
        {
            var points = Points(c, n, pd, salt: 3000 + n);
            var x = Columns(c, points);

            // Forward with y the last input.
            var y = Guarded(n);
            c.Forward(Read(x, n), y.AsMemory(Guard, n), p);
            var shared = (T[])x[last].Clone();
            var inputs = Read(x, n);
            inputs[last] = shared.AsMemory(Guard, n);
            c.Forward(inputs, shared.AsMemory(Guard, n), p);
            Assert.Equal(y, shared);

            // Backward with dx (the first input's gradient) written over dy.
            var dy = Gradients(n, salt: 4000 + n);
            var dx = c.Inputs.Select(_ => Guarded(n)).ToArray();
            var sums = new T[c.TrainableIndices.Length];
            if (c.BackwardSums is { } withSums)
                withSums(Read(x, n), dy.AsMemory(Guard, n), Write(dx, n), p, sums);
            else
                c.Backward(Read(x, n), dy.AsMemory(Guard, n), Write(dx, n), p);
            var sharedDy = (T[])dy.Clone();
            var dxInPlace = c.Inputs.Select(_ => Guarded(n)).ToArray();
            dxInPlace[0] = sharedDy;
            var sumsInPlace = new T[sums.Length];
            if (c.BackwardSums is { } withSums2)
                withSums2(Read(x, n), sharedDy.AsMemory(Guard, n), Write(dxInPlace, n), p, sumsInPlace);
            else
                c.Backward(Read(x, n), sharedDy.AsMemory(Guard, n), Write(dxInPlace, n), p);
            for (int j = 0; j < dx.Length; j++)
                Assert.Equal(dx[j], dxInPlace[j]);
            Assert.Equal(sums, sumsInPlace);
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void LengthMismatch_ThrowsNamingTheSpan_BeforeWritingAnything(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        const int n = 21;
        var x = Columns(c, Points(c, n, pd, salt: 5000));
        var dyArray = Gradients(n, salt: 5001);
        int inputs = c.Inputs.Length;
        foreach (int delta in new[] { -1, 1 })
        {
            int m = n + delta;
            // Forward: every input after the first, then y.
            for (int s = 1; s <= inputs; s++)
            {
                var read = Read(x, n);
                var y = Guarded(n + 1);
                var yMemory = y.AsMemory(Guard, n);
                if (s < inputs)
                    read[s] = x[s].AsMemory(Guard, m);
                else
                    yMemory = y.AsMemory(Guard, m);
                string expected = s < inputs ? c.Inputs[s].Name : "y";
                var e = Assert.Throws<ArgumentException>(() => c.Forward(read, yMemory, p));
                Assert.Equal(expected, e.ParamName);
                Assert.All(y, v => Assert.Equal(Sentinel, v));
            }
            // Backward (and with sums): inputs after the first, dy, then every dx.
            for (int withSums = 0; withSums < (c.BackwardSums is null ? 1 : 2); withSums++)
            {
                for (int s = 1; s < 2 * inputs + 1; s++)
                {
                    var read = Read(x, n);
                    var dy = dyArray.AsMemory(Guard, n);
                    var dx = c.Inputs.Select(_ => Guarded(n + 1)).ToArray();
                    var write = Write(dx, n);
                    string expected;
                    if (s < inputs)
                    {
                        read[s] = x[s].AsMemory(Guard, m);
                        expected = c.Inputs[s].Name;
                    }
                    else if (s == inputs)
                    {
                        dy = dyArray.AsMemory(Guard, m);
                        expected = c.SeedName;
                    }
                    else
                    {
                        int j = s - inputs - 1;
                        write[j] = dx[j].AsMemory(Guard, m);
                        expected = c.GradientName(j);
                    }
                    var sums = Enumerable.Repeat(Sentinel, c.TrainableIndices.Length).ToArray();
                    var e = withSums == 0
                        ? Assert.Throws<ArgumentException>(() => c.Backward(read, dy, write, p))
                        : Assert.Throws<ArgumentException>(() => c.BackwardSums!(read, dy, write, p, sums));
                    Assert.Equal(expected, e.ParamName);
                    foreach (var buffer in dx)
                        Assert.All(buffer, v => Assert.Equal(Sentinel, v));
                }
            }
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void PartialOverlap_Throws_InPlaceIsAllowed(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        const int n = 19;
        var x = Columns(c, Points(c, n, pd, salt: 6000));
        int last = c.Inputs.Length - 1;
        foreach (int shift in new[] { -2, -1, 1, 3 })
        {
            // y starts `shift` elements away from the last input, inside the same array.
            var shared = (T[])x[last].Clone();
            var before = (T[])shared.Clone();
            var read = Read(x, n);
            read[last] = shared.AsMemory(Guard, n);
            var e = Assert.Throws<ArgumentException>(() => c.Forward(read, shared.AsMemory(Guard + shift, n), p));
            Assert.Equal("y", e.ParamName);
            Assert.Equal(before, shared);

            // dx of the first input overlapping dy.
            var dy = Gradients(n, salt: 6001);
            var dyBefore = (T[])dy.Clone();
            var write = Write(c.Inputs.Select(_ => Guarded(n)).ToArray(), n);
            write[0] = dy.AsMemory(Guard + shift, n);
            e = Assert.Throws<ArgumentException>(() => c.Backward(Read(x, n), dy.AsMemory(Guard, n), write, p));
            Assert.Equal(c.GradientName(0), e.ParamName);
            if (c.BackwardSums is { } withSums)
            {
                e = Assert.Throws<ArgumentException>(() => withSums(Read(x, n), dy.AsMemory(Guard, n), write, p, new T[c.TrainableIndices.Length]));
                Assert.Equal(c.GradientName(0), e.ParamName);
            }
            Assert.Equal(dyBefore, dy);

            // The last input's gradient overlapping the first input.
            var firstInput = (T[])x[0].Clone();
            var firstBefore = (T[])firstInput.Clone();
            var readShared = Read(x, n);
            readShared[0] = firstInput.AsMemory(Guard, n);
            var write2 = Write(c.Inputs.Select(_ => Guarded(n)).ToArray(), n);
            write2[last] = firstInput.AsMemory(Guard + shift, n);
            e = Assert.Throws<ArgumentException>(() => c.Backward(readShared, Gradients(n, 6002).AsMemory(Guard, n), write2, p));
            Assert.Equal(c.GradientName(last), e.ParamName);
            Assert.Equal(firstBefore, firstInput);
        }

        // Two outputs in one buffer, whole or shifted, would keep only the one written last.
        foreach (int shift in new[] { 0, 1, -3 })
        {
            var shared = Guarded(n + 3);
            var before = (T[])shared.Clone();
            var first = shared.AsMemory(Guard, n);
            var second = shared.AsMemory(Guard + shift, n);
            if (c.Inputs.Length > 1)
            {
                var write = Write(c.Inputs.Select(_ => Guarded(n)).ToArray(), n);
                (write[0], write[last]) = (first, second);
                var e = Assert.Throws<ArgumentException>(() => c.Backward(Read(x, n), Gradients(n, 6003).AsMemory(Guard, n), write, p));
                Assert.Equal(c.GradientName(last), e.ParamName);
            }
            if (c.WithDerivative is { } withDerivative)
            {
                var e = Assert.Throws<ArgumentException>(() => withDerivative(Read(x, n), first, second, p));
                Assert.Equal("derivative", e.ParamName);
            }
            Assert.Equal(before, shared);
        }
    }

    /// <summary>
    /// Extreme inputs of single-input activations: where the value fits in T, value and derivative stay
    /// finite and accurate (the generator's stable rewrites and the untaken branches must not leak Inf/NaN).
    /// </summary>
    [Theory]
    [InlineData("Swish"), InlineData("Elu"), InlineData("Mish"), InlineData("GeluTanh"), InlineData("GeluErf")]
    [InlineData("Stabilized"), InlineData("Smooth"), InlineData("Constants"), InlineData("LogBranch"), InlineData("Affine")]
    [InlineData("Rewrites")]
    public void ExtremeInputs_StayFiniteAndAccurate(string name)
    {
        var c = Catalog<T, TA>.Get(name);
        var (p, pd) = Params(c);
        var failures = new Failures();
        double[] xs = [-87, -80, -50, -30, -15, 15, 30, 50, 80, 87];
        var values = xs.Select(From<T>).ToArray();
        var y = new T[xs.Length];
        c.Forward([values], y, p);
        var dy = Enumerable.Repeat(T.One, xs.Length).ToArray();
        var dx = new T[xs.Length];
        c.Backward([values], dy, [dx], p);
        for (int i = 0; i < xs.Length; i++)
        {
            double x = xs[i];
            double expected = c.Reference([x], pd);
            var d = InputGradient(c, [x], pd, 0);
            if (!double.IsFinite(double.CreateTruncating(From<T>(expected))) || !double.IsFinite(double.CreateTruncating(From<T>(d.Value))))
                continue;
            double got = ToDouble(y[i]), scalar = ToDouble(c.Scalar([values[i]], p));
            double grad = ToDouble(dx[i]), derivative = ToDouble(c.Derivative!(values[i], p));
            failures.Check(Close(got, expected, ValueTolerance<T>()), () => $"span x={x}: got {got:R}, expected {expected:R}");
            failures.Check(Close(scalar, expected, ValueTolerance<T>()), () => $"scalar x={x}: got {scalar:R}, expected {expected:R}");
            failures.Check(Close(grad, d.Value, GradientTolerance<T>(), d.Error), () => $"backward x={x}: got {grad:R}, expected {d.Value:R}");
            failures.Check(Close(derivative, d.Value, GradientTolerance<T>(), d.Error), () => $"Derivative x={x}: got {derivative:R}, expected {d.Value:R}");
        }
        failures.Assert($"{c} over {typeof(T).Name}");
    }

    private static (T[] P, double[] Pd) Params(Case<T> c)
    {
        var p = c.ParameterValues;
        return (p, p.Select(ToDouble).ToArray());
    }

    private static double[][] Points(Case<T> c, int n, double[] pd, int salt)
    {
        var random = new Random(Seed(c.Name, salt));
        return Enumerable.Range(0, n).Select(_ => DrawPoint(c, random, pd)).ToArray();
    }

    /// <summary>One guarded buffer per input; the data sits at offset <see cref="Guard"/> (so unaligned).</summary>
    private static T[][] Columns(Case<T> c, double[][] points)
    {
        var columns = c.Inputs.Select(_ => Guarded(points.Length)).ToArray();
        for (int i = 0; i < points.Length; i++)
            for (int j = 0; j < columns.Length; j++)
                columns[j][Guard + i] = From<T>(points[i][j]);
        return columns;
    }

    private static T[] Gradients(int n, int salt)
    {
        var random = new Random(salt);
        var dy = Guarded(n);
        for (int i = 0; i < n; i++)
            dy[Guard + i] = From<T>(random.NextDouble() * 4 - 2);
        return dy;
    }

    private static T[] Guarded(int n) => Enumerable.Repeat(Sentinel, n + 2 * Guard).ToArray();

    private static ReadOnlyMemory<T>[] Read(T[][] columns, int n) => columns.Select(a => (ReadOnlyMemory<T>)a.AsMemory(Guard, n)).ToArray();

    private static Memory<T>[] Write(T[][] columns, int n) => columns.Select(a => a.AsMemory(Guard, n)).ToArray();

    private static void CheckGuards(T[] buffer, int n, Failures failures, string what)
    {
        for (int i = 0; i < Guard; i++)
        {
            int at = i;
            failures.Check(buffer[i] == Sentinel, () => $"{what}: wrote before the span at {at - Guard}");
            failures.Check(buffer[Guard + n + i] == Sentinel, () => $"{what}: wrote past the span at {n + at}");
        }
    }

    private static Estimate InputGradient(Case<T> c, double[] point, double[] pd, int j)
    {
        if (c.Inputs[j].IsDiscrete)
            return new Estimate(0, 0);
        var moved = (double[])point.Clone();
        return Derivative(v => { moved[j] = v; return c.Reference(moved, pd); }, point[j]);
    }

    private static Estimate ParameterGradient(Case<T> c, double[] point, double[] pd, int k)
    {
        var moved = (double[])pd.Clone();
        return Derivative(v => { moved[k] = v; return c.Reference(point, moved); }, pd[k]);
    }

    private static string Show(double[] point) => string.Join(", ", point.Select(v => v.ToString("R")));
}
