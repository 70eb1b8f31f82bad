using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

public class GemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 2, 2, 2 }, { 1, 17, 3 }, { 17, 1, 3 }, { 15, 16, 17 }, { 16, 17, 15 }, { 17, 15, 16 },
        { 31, 33, 65 }, { 33, 31, 2 }, { 65, 257, 33 }, { 257, 65, 31 }, { 6, 32, 256 }, { 14, 64, 257 },
        { 29, 47, 600 }, { 400, 35, 20 }, { 3, 4100, 5 }, { 5, 3, 0 }, { 0, 5, 3 }, { 5, 0, 3 }, { 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Float_product_matches_a_double_evaluation(int m, int n, int k) => AllTranspositions<float>(m, n, k);

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Double_product_matches_a_double_evaluation(int m, int n, int k) => AllTranspositions<double>(m, n, k);

    private static void AllTranspositions<T>(int m, int n, int k)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        foreach (bool transposeA in new[] { false, true })
            foreach (bool transposeB in new[] { false, true })
                foreach (bool accumulate in new[] { false, true })
                    Check<T, Vec512<T>>(m, n, k, transposeA, transposeB, accumulate, atWidth: false);
    }

    public static TheoryData<int, bool, bool> Widths => new()
    {
        { 512, false, false }, { 512, true, true }, { 256, false, true }, { 256, true, false },
        { 128, false, false }, { 128, true, true }, { 1, false, true }, { 1, true, false },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Every_width_kernel_matches_a_double_evaluation(int bits, bool transposeA, bool transposeB)
    {
        foreach ((int m, int n, int k) in new[] { (31, 67, 300), (14, 32, 7), (6, 16, 1) })
        {
            switch (bits)
            {
                case 512:
                    Check<float, Vec512<float>>(m, n, k, transposeA, transposeB, accumulate: true, atWidth: true);
                    Check<double, Vec512<double>>(m, n, k, transposeA, transposeB, accumulate: false, atWidth: true);
                    break;
                case 256:
                    Check<float, Vec256<float>>(m, n, k, transposeA, transposeB, accumulate: true, atWidth: true);
                    Check<double, Vec256<double>>(m, n, k, transposeA, transposeB, accumulate: false, atWidth: true);
                    break;
                case 128:
                    Check<float, Vec128<float>>(m, n, k, transposeA, transposeB, accumulate: true, atWidth: true);
                    Check<double, Vec128<double>>(m, n, k, transposeA, transposeB, accumulate: false, atWidth: true);
                    break;
                case 1:
                    Check<float, Vec1<float>>(m, n, k, transposeA, transposeB, accumulate: true, atWidth: true);
                    Check<double, Vec1<double>>(m, n, k, transposeA, transposeB, accumulate: false, atWidth: true);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(bits), bits, "Not a vector width.");
            }
        }
    }

    /// <summary>
    /// Runs the product with the marking epilogue (at <typeparamref name="TVector"/>'s width when <paramref name="atWidth"/>,
    /// else through the public entry) and checks every result against the double evaluation plus its mark, called once.
    /// </summary>
    private static void Check<T, TVector>(int m, int n, int k, bool transposeA, bool transposeB, bool accumulate, bool atWidth)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TVector : struct, IVectorBits<TVector, T>
    {
        T[] a = GemmReference.Random<T>(m * k, 1 + m);
        T[] b = GemmReference.Random<T>(k * n, 2 + n);
        T[] initial = GemmReference.Random<T>(m * n, 3 + k);
        T[] c = (T[])initial.Clone();
        var epilogue = new MarkingEpilogue<T>(m, n);
        int lda = Math.Max(1, transposeA ? m : k), ldb = Math.Max(1, transposeB ? k : n);
        if (atWidth)
            Gemm.MultiplyAtWidth<T, TVector, MarkingEpilogue<T>>(a, lda, b, ldb, c, Math.Max(1, n), m, n, k, transposeA, transposeB, accumulate, ref epilogue);
        else
            Gemm.Multiply(a, b, c, m, n, k, transposeA, transposeB, accumulate, ref epilogue);

        (double[] expected, double[] magnitude) = GemmReference.Multiply(a, lda, b, ldb, m, n, k, transposeA, transposeB);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                expected[i * n + j] += MarkingEpilogue<T>.Mark(i, j) + (accumulate ? double.CreateChecked(initial[i * n + j]) : 0);
                expected[i * n + j] *= MarkingEpilogue<T>.FinishFactor;
                magnitude[i * n + j] *= MarkingEpilogue<T>.FinishFactor;
            }
        string label = $"{typeof(T).Name} at {typeof(TVector).Name}, {m}×{n}×{k}, transposeA {transposeA}, transposeB {transposeB}, accumulate {accumulate}";
        Assert.True(epilogue.LanesPastTheEdge == 0, $"{label}: the epilogue saw {epilogue.LanesPastTheEdge} lanes past the last column.");
        int wrongCount = Array.FindIndex(epilogue.Calls, calls => calls != 1);
        Assert.True(wrongCount < 0, $"{label}: result {wrongCount} went through the epilogue {(wrongCount < 0 ? 0 : epilogue.Calls[wrongCount])} times.");
        int wrongFinish = Array.FindIndex(epilogue.Finishes, finishes => finishes != 1);
        Assert.True(wrongFinish < 0, $"{label}: result {wrongFinish} was in {(wrongFinish < 0 ? 0 : epilogue.Finishes[wrongFinish])} finished blocks.");
        GemmReference.AssertClose(expected, magnitude, c, n, m, n, k, extraMagnitude: MarkingEpilogue<T>.FinishFactor * (1000.0 * m + n));
    }
}
