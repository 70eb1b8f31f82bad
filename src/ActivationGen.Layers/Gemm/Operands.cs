using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>One product's operands, already checked: op(A) is M×K, op(B) is K×N, C is M×N, each row-major with its leading dimension.</summary>
internal readonly ref struct Operands<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public readonly ReadOnlySpan<T> A;
    public readonly ReadOnlySpan<T> B;
    public readonly Span<T> C;
    public readonly int LeadingA, LeadingB, LeadingC;
    public readonly int M, N, K;
    public readonly bool TransposeA, TransposeB, Accumulate;

    public Operands(ReadOnlySpan<T> a, int leadingA, ReadOnlySpan<T> b, int leadingB, Span<T> c, int leadingC,
        int m, int n, int k, bool transposeA, bool transposeB, bool accumulate)
    {
        A = a;
        B = b;
        C = c;
        LeadingA = leadingA;
        LeadingB = leadingB;
        LeadingC = leadingC;
        M = m;
        N = n;
        K = k;
        TransposeA = transposeA;
        TransposeB = transposeB;
        Accumulate = accumulate;
    }
}
