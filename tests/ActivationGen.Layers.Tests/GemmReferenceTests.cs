using ActivationGen.Layers;

namespace ActivationGen.Layers.Tests;

public class GemmReferenceTests
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Product_matches_a_double_evaluation(bool transposeA, bool transposeB)
    {
        const int m = 7, n = 5, k = 3;
        var random = new Random(1);
        float[] a = Enumerable.Range(0, m * k).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        float[] b = Enumerable.Range(0, k * n).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var c = new float[m * n];
        Gemm.Multiply<float>(a, b, c, m, n, k, transposeA, transposeB);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double expected = 0;
                for (int p = 0; p < k; p++)
                    expected += (double)(transposeA ? a[p * m + i] : a[i * k + p]) * (transposeB ? b[j * k + p] : b[p * n + j]);
                Assert.Equal(expected, c[i * n + j], 5e-6);
            }
    }
}
