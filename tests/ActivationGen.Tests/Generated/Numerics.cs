using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Tests.Generated;

/// <summary>A reference derivative and how far it may be off.</summary>
internal readonly record struct Estimate(double Value, double Error);

/// <summary>Finite differences of the double references, tolerances, and sampling.</summary>
internal static class Numerics
{
    /// <summary>
    /// Central differences at steps h and h/2 (h = 1e-3·max(1,|v|)) combined by Richardson extrapolation:
    /// truncation O(h⁴) ≈ 1e-12 relative. The error bound is a hundredth of the gap between the two raw
    /// differences (that gap measures h²·f''') plus rounding, ε·|f|/h.
    /// </summary>
    public static Estimate Derivative(Func<double, double> f, double v)
    {
        double h = 1e-3 * Math.Max(1, Math.Abs(v));
        double d1 = (f(v + h) - f(v - h)) / (2 * h);
        double d2 = (f(v + h / 2) - f(v - h / 2)) / h;
        double richardson = (4 * d2 - d1) / 3;
        double rounding = 1e-14 * Math.Max(1, Math.Abs(f(v))) / h;
        return new Estimate(richardson, 0.01 * Math.Abs(d2 - d1) + rounding);
    }

    /// <summary>Relative tolerance of values: the contract's 1e-5 for float; far tighter for double.</summary>
    public static double ValueTolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-11;

    /// <summary>Relative tolerance of gradients beyond the finite-difference error (double is FD-limited).</summary>
    public static double GradientTolerance<T>() => typeof(T) == typeof(float) ? 1e-5 : 1e-9;

    /// <summary>|got − expected| within tolerance·max(1, |expected|) + slack: relative above 1, absolute below.</summary>
    public static bool Close(double got, double expected, double tolerance, double slack = 0) =>
        Math.Abs(got - expected) <= tolerance * Math.Max(1, Math.Abs(expected)) + slack;

    public static double ToDouble<T>(T value) where T : INumberBase<T> => double.CreateTruncating(value);

    public static T From<T>(double value) where T : INumberBase<T> => T.CreateTruncating(value);

    /// <summary>A seed that depends on the test's identity only, so that every failure reproduces.</summary>
    public static int Seed(string name, int salt) => name.Aggregate(17 + salt * 7919, (h, c) => unchecked(h * 31 + c));

    /// <summary>
    /// Draws one point of the case's inputs (rounded to T), redrawing inside the finite-difference reach of
    /// a kink, and returns it in double (exactly the T values).
    /// </summary>
    public static double[] DrawPoint<T>(Case<T> c, Random random, double[] parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            var point = c.Inputs.Select(input => ToDouble(From<T>(input.Draw(random)))).ToArray();
            if (c.Smooth(point, parameters))
                return point;
        }
        throw new InvalidOperationException($"{c.Name}: no smooth point found");
    }

    /// <summary>Collects mismatches and fails once with the first of them, so a report shows the pattern.</summary>
    public sealed class Failures
    {
        private readonly List<string> messages = [];
        private int count;

        public void Check(bool ok, Func<string> message)
        {
            if (ok)
                return;
            if (count++ < 25)
                messages.Add(message());
        }

        public void Assert(string what)
        {
            if (count > 0)
                Xunit.Assert.Fail($"{what}: {count} mismatches; first:\n  " + string.Join("\n  ", messages));
        }
    }
}
