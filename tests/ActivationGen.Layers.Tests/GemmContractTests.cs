using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

/// <summary>The product's promises beyond its values: the epilogue after the last block of k, argument checks,
/// sub-matrices, no allocation after warm-up, and the same result on several threads.</summary>
public class GemmContractTests
{
    /// <summary>Negates and doubles: applied to a partial sum before the last block of k, it would give a different result.</summary>
    private readonly struct NegatingEpilogue<T> : IGemmEpilogue<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public TV Apply<TV>(TV accumulator, int row, int column)
            where TV : struct, IVectorBits<TV, T> => accumulator * TV.Create(T.CreateChecked(-2));

        public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
        {
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Epilogue_sees_the_whole_sum_over_several_blocks_of_k(bool accumulate)
    {
        const int m = 20, n = 40, k = 700;
        float[] a = GemmReference.Random<float>(m * k, 5), b = GemmReference.Random<float>(k * n, 6);
        float[] initial = GemmReference.Random<float>(m * n, 7), c = (float[])initial.Clone();
        var epilogue = new NegatingEpilogue<float>();
        Gemm.Multiply(a, b, c, m, n, k, false, false, accumulate, ref epilogue);
        (double[] expected, double[] magnitude) = GemmReference.Multiply(a, k, b, n, m, n, k, false, false);
        for (int i = 0; i < expected.Length; i++)
        {
            expected[i] = -2 * (expected[i] + (accumulate ? initial[i] : 0));
            magnitude[i] *= 2;
        }
        GemmReference.AssertClose(expected, magnitude, c, n, m, n, k, extraMagnitude: 2);
    }

    [Fact]
    public void Arguments_are_checked_before_anything_is_written()
    {
        float[] a = new float[6], b = new float[6], c = new float[4];
        Assert.Throws<ArgumentOutOfRangeException>("m", () => Gemm.Multiply<float>(a, b, c, -1, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>("n", () => Gemm.Multiply<float>(a, b, c, 2, -1, 3));
        Assert.Throws<ArgumentOutOfRangeException>("k", () => Gemm.Multiply<float>(a, b, c, 2, 2, -1));
        Assert.Throws<ArgumentException>("a", () => Gemm.Multiply<float>(a.AsSpan(1), b, c, 2, 2, 3));
        Assert.Throws<ArgumentException>("b", () => Gemm.Multiply<float>(a, b.AsSpan(1), c, 2, 2, 3, transposeB: true));
        Assert.Throws<ArgumentException>("c", () => Gemm.Multiply<float>(a, b, c.AsSpan(1), 2, 2, 3));
        var none = new NoEpilogue<float>();
        Assert.Throws<ArgumentOutOfRangeException>("leadingA", () => Gemm.Multiply(a, 2, b, 2, c, 2, 2, 2, 3, false, false, false, ref none));
        Assert.Throws<ArgumentOutOfRangeException>("leadingC", () => Gemm.Multiply(a, 3, b, 2, c, 1, 2, 2, 3, false, false, false, ref none));
        Assert.All(c, value => Assert.Equal(0f, value));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Sub_matrices_read_and_write_only_their_own_elements(bool transposeA, bool transposeB)
    {
        const int m = 19, n = 37, k = 23, pad = 5;
        int lda = (transposeA ? m : k) + pad, ldb = (transposeB ? k : n) + pad, ldc = n + pad;
        double[] a = GemmReference.Random<double>((transposeA ? k : m) * lda, 8);
        double[] b = GemmReference.Random<double>((transposeB ? n : k) * ldb, 9);
        double[] c = Enumerable.Repeat(double.NaN, m * ldc).ToArray();
        var epilogue = new MarkingEpilogue<double>(m, n);
        Gemm.Multiply(a, lda, b, ldb, c, ldc, m, n, k, transposeA, transposeB, false, ref epilogue);
        (double[] expected, double[] magnitude) = GemmReference.Multiply(a, lda, b, ldb, m, n, k, transposeA, transposeB);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                expected[i * n + j] = MarkingEpilogue<double>.FinishFactor * (expected[i * n + j] + MarkingEpilogue<double>.Mark(i, j));
                magnitude[i * n + j] *= MarkingEpilogue<double>.FinishFactor;
            }
        GemmReference.AssertClose(expected, magnitude, c, ldc, m, n, k, extraMagnitude: MarkingEpilogue<double>.FinishFactor * (1000.0 * m + n));
        Assert.All(epilogue.Finishes, finishes => Assert.Equal(1, finishes));
        for (int i = 0; i < m; i++)
            for (int j = n; j < ldc; j++)
                Assert.True(double.IsNaN(c[i * ldc + j]), $"C[{i},{j}] is past the sub-matrix but was written.");
    }

    [Fact]
    public void A_product_allocates_nothing_after_the_first()
    {
        const int m = 70, n = 300, k = 600;
        float[] a = GemmReference.Random<float>(m * k, 10), b = GemmReference.Random<float>(k * n, 11), c = new float[m * n];
        double[] ad = GemmReference.Random<double>(m * k, 10), bd = GemmReference.Random<double>(k * n, 11), cd = new double[m * n];
        var epilogue = new NegatingEpilogue<float>();
        for (int round = 0; round < 2; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Gemm.Multiply(a, b, c, m, n, k, false, true, true, ref epilogue);
            Gemm.Multiply<float>(a, b, c, m, n, k, true, false);
            Gemm.Multiply<double>(ad, bd, cd, m, n, k, true, true);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round == 1)
                Assert.Equal(0, allocated);
        }
    }

    [Theory]
    [InlineData(300, 200, 150)]
    [InlineData(200, 9, 64)]
    public void Several_threads_give_the_single_threaded_result(int m, int n, int k)
    {
        float[] a = GemmReference.Random<float>(m * k, 12), b = GemmReference.Random<float>(k * n, 13);
        float[] single = new float[m * n], split = new float[m * n];
        var epilogue = new MarkingEpilogue<float>(m, n);
        Gemm.Multiply(a, b, single, m, n, k, false, false, false, ref epilogue);

        int minimumLength = Parallelism.MinimumLength, maxDegree = Parallelism.MaxDegree;
        var splitEpilogue = new MarkingEpilogue<float>(m, n);
        try
        {
            Parallelism.MinimumLength = 1;
            Parallelism.MaxDegree = 4;
            Gemm.Multiply(a, b, split, m, n, k, false, false, false, ref splitEpilogue);
        }
        finally
        {
            Parallelism.MinimumLength = minimumLength;
            Parallelism.MaxDegree = maxDegree;
        }
        Assert.Equal(single, split);
        Assert.All(splitEpilogue.Calls, calls => Assert.Equal(1, calls));
        Assert.All(splitEpilogue.Finishes, finishes => Assert.Equal(1, finishes));
    }
}
