using System.Numerics;

namespace ActivationGen.Layers.Tests;

/// <summary>Operands for the product tests and their product evaluated independently in double, one dot product per result.</summary>
internal static class GemmReference
{
    public static T[] Random<T>(int length, int seed)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var values = new T[length];
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateChecked(random.NextDouble() * 2 - 1);
        return values;
    }

    /// <summary>The exact-ish product op(A)·op(B) and, per result, the sum of |a·b| that bounds its rounding error.</summary>
    public static (double[] Product, double[] Magnitude) Multiply<T>(T[] a, int lda, T[] b, int ldb, int m, int n, int k, bool transposeA, bool transposeB)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var product = new double[m * n];
        var magnitude = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, size = 0;
                for (int p = 0; p < k; p++)
                {
                    double term = double.CreateChecked(transposeA ? a[p * lda + i] : a[i * lda + p])
                        * double.CreateChecked(transposeB ? b[j * ldb + p] : b[p * ldb + j]);
                    sum += term;
                    size += Math.Abs(term);
                }
                product[i * n + j] = sum;
                magnitude[i * n + j] = size;
            }
        return (product, magnitude);
    }

    /// <summary>Asserts c[i·ldc + j] = expected within the error bound of a k-term sum in <typeparamref name="T"/>.</summary>
    public static void AssertClose<T>(double[] expected, double[] magnitude, T[] c, int ldc, int m, int n, int k, double extraMagnitude = 0)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        double epsilon = typeof(T) == typeof(float) ? Math.Pow(2, -23) : Math.Pow(2, -52);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double want = expected[i * n + j];
                double got = double.CreateChecked(c[i * ldc + j]);
                double tolerance = (k + 2) * epsilon * (magnitude[i * n + j] + extraMagnitude + Math.Abs(want)) + 1e-300;
                if (!(Math.Abs(got - want) <= tolerance))
                    Assert.Fail($"C[{i},{j}] of {m}×{n}×{k}: expected {want}, got {got} (tolerance {tolerance}).");
            }
    }
}
