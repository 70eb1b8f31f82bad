using System;
using System.Numerics;
using System.Runtime.Intrinsics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// Matrix products over row-major spans of <see cref="float"/> or <see cref="double"/>, with a fused epilogue:
/// packed, cache-blocked and register-tiled at the widest accelerated vector width (docs/gemm.md).
/// Single-threaded unless <see cref="Parallelism.MinimumLength"/> is at most m·n·k. Nothing is allocated per
/// call once the calling thread has run a product of that size. C must not overlap A or B.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// C = op(A)·op(B) (plus C when <paramref name="accumulate"/>), then <paramref name="epilogue"/> on every result.
    /// op(A) is m×k and op(B) is k×n; with <paramref name="transposeA"/> A is stored k×m, with <paramref name="transposeB"/> B is stored n×k.
    /// </summary>
    /// <remarks>When the product is split across threads the epilogue is called from several threads at once, each on its own results.
    /// An epilogue must not run a product itself: the thread's packing buffers are in use.</remarks>
    public static void Multiply<T, TEpilogue>(
        ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate, ref TEpilogue epilogue)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        // Contiguous storage: the leading dimension is the stored width (at least 1, so empty operands pass the check).
        Multiply(a, Math.Max(1, transposeA ? m : k), b, Math.Max(1, transposeB ? k : n), c, Math.Max(1, n), m, n, k, transposeA, transposeB, accumulate, ref epilogue);
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

    /// <summary>
    /// As <see cref="Multiply{T, TEpilogue}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, int, int, int, bool, bool, bool, ref TEpilogue)"/>,
    /// over sub-matrices: row r of stored A starts at a[r·<paramref name="leadingA"/>], likewise for B and C
    /// (a head of an attention projection, a block of a larger buffer).
    /// </summary>
    public static void Multiply<T, TEpilogue>(
        ReadOnlySpan<T> a, int leadingA, ReadOnlySpan<T> b, int leadingB, Span<T> c, int leadingC, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate, ref TEpilogue epilogue)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        var operands = Check(a, leadingA, b, leadingB, c, leadingC, m, n, k, transposeA, transposeB, accumulate);
        if (Vector512.IsHardwareAccelerated)
            GemmJob<T, Vec512<T>, TEpilogue>.Run(operands, ref epilogue);
        else if (Vector256.IsHardwareAccelerated)
            GemmJob<T, Vec256<T>, TEpilogue>.Run(operands, ref epilogue);
        else if (Vector128.IsHardwareAccelerated)
            GemmJob<T, Vec128<T>, TEpilogue>.Run(operands, ref epilogue);
        else
            GemmJob<T, Vec1<T>, TEpilogue>.Run(operands, ref epilogue);
    }

    /// <summary>The product at a chosen vector width, accelerated or not: lets tests run every width's kernel on any host.</summary>
    internal static void MultiplyAtWidth<T, TVector, TEpilogue>(
        ReadOnlySpan<T> a, int leadingA, ReadOnlySpan<T> b, int leadingB, Span<T> c, int leadingC, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate, ref TEpilogue epilogue)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct, IVectorBits<TVector, T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        var operands = Check(a, leadingA, b, leadingB, c, leadingC, m, n, k, transposeA, transposeB, accumulate);
        GemmJob<T, TVector, TEpilogue>.Run(operands, ref epilogue);
    }

    private static Operands<T> Check<T>(
        ReadOnlySpan<T> a, int leadingA, ReadOnlySpan<T> b, int leadingB, Span<T> c, int leadingC, int m, int n, int k,
        bool transposeA, bool transposeB, bool accumulate)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        CheckOperand(a.Length, transposeA ? k : m, transposeA ? m : k, leadingA, "A", nameof(a), nameof(leadingA));
        CheckOperand(b.Length, transposeB ? n : k, transposeB ? k : n, leadingB, "B", nameof(b), nameof(leadingB));
        CheckOperand(c.Length, m, n, leadingC, "C", nameof(c), nameof(leadingC));
        return new Operands<T>(a, leadingA, b, leadingB, c, leadingC, m, n, k, transposeA, transposeB, accumulate);
    }

    private static void CheckOperand(int length, int rows, int columns, int leading, string name, string spanName, string leadingName)
    {
        if (leading < Math.Max(columns, 1))
            throw new ArgumentOutOfRangeException(leadingName, leading, $"{name} is stored {rows}×{columns}: its leading dimension must be at least {Math.Max(columns, 1)}.");
        long needed = rows == 0 || columns == 0 ? 0 : (long)(rows - 1) * leading + columns;
        if (length < needed)
            throw new ArgumentException($"{name} holds {length} values; a {rows}×{columns} operand with leading dimension {leading} needs {needed}.", spanName);
    }
}
