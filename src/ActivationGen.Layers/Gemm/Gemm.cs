using System;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>Matrix products over row-major spans of <see cref="float"/> or <see cref="double"/>, with a fused epilogue.</summary>
public static class Gemm
{
    /// <summary>
    /// C = op(A)·op(B) (plus C when <paramref name="accumulate"/>), then <paramref name="epilogue"/> on every result.
    /// op(A) is m×k and op(B) is k×n; with <paramref name="transposeA"/> A is stored k×m, with <paramref name="transposeB"/> B is stored n×k.
    /// </summary>
    public static void Multiply<T, TEpilogue>(
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate, ref TEpilogue epilogue)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (a.Length < (long)m * k) throw new ArgumentException($"A holds {a.Length} values; an {m}×{k} operand needs {(long)m * k}.", nameof(a));
        if (b.Length < (long)k * n) throw new ArgumentException($"B holds {b.Length} values; a {k}×{n} operand needs {(long)k * n}.", nameof(b));
        if (c.Length < (long)m * n) throw new ArgumentException($"C holds {c.Length} values; an {m}×{n} result needs {(long)m * n}.", nameof(c));

        // Reference implementation (placeholder for the blocked, packed kernel): one dot product per result.
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T sum = accumulate ? c[i * n + j] : T.Zero;
                for (int p = 0; p < k; p++)
                    sum += (transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
                c[i * n + j] = Vec1<T>.Sum(epilogue.Apply(Vec1<T>.Create(sum), i, j));
            }
    }

    /// <summary>C = op(A)·op(B) (plus C when <paramref name="accumulate"/>), stored as it is.</summary>
    public static void Multiply<T>(
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, bool accumulate = false)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        var none = new NoEpilogue<T>();
        Multiply(a, b, c, m, n, k, transposeA, transposeB, accumulate, ref none);
    }
}
