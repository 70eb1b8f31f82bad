using System.Collections.Immutable;
using ActivationGen.Simd;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// The contract's members with default bodies (scalar partials, the binary span forms) work for an implementation
/// written by hand, against closed forms; and the generated binary struct's span members are the declaration's.
/// </summary>
public sealed class HandWrittenContractTests
{
    [Fact]
    public void DefaultBodiesFollowThePerVectorKernels()
    {
        IBinaryActivation<double> act = new ScaledProduct();
        double[] a = [1.5, -2, 0.25], b = [4, 0.5, -8], dy = [1, -1, 2];
        var y = new double[3];
        act.Forward(a, b, y, [3.0]);
        Assert.Equal([18.0, -3.0, -6.0], y);

        var da = new double[3];
        var db = new double[3];
        var dq = new double[1];
        act.Backward(a, b, dy, da, db, [3.0], dq);
        Assert.Equal([12.0, -1.5, -48.0], da);   // dy·q·b
        Assert.Equal([4.5, 6.0, 1.5], db);      // dy·q·a
        Assert.Equal([6.0 + 1.0 - 4.0], dq);    // Σ dy·a·b

        var inputPartials = new double[2];
        var trainablePartials = new double[1];
        act.Partials([2.0, 5.0], [3.0], inputPartials, trainablePartials);
        Assert.Equal([15.0, 6.0], inputPartials);
        Assert.Equal([10.0], trainablePartials);
    }

    [Fact]
    public void GeneratedBinarySpanMembersAreTheDeclarations()
    {
        var act = new AdaptiveActivations.GatedMixActivation();
        Assert.Equal(0.5f, act.TrainableDefault(0));
        var random = new Random(4);
        var x = Enumerable.Range(0, 77).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
        var h = x.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var dy = x.Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] w = [0.8f];

        var y = new float[x.Length];
        var expectedY = new float[x.Length];
        act.Forward(x, h, y, w);
        AdaptiveActivations.GatedMix(x, h, expectedY, w[0]);
        Assert.Equal(expectedY, y);

        float[] dx = new float[x.Length], dh = new float[x.Length], dw = new float[1];
        float[] expectedDx = new float[x.Length], expectedDh = new float[x.Length];
        act.Backward(x, h, dy, dx, dh, w, dw);
        AdaptiveActivations.GatedMixBackward(x, h, dy, expectedDx, expectedDh, w[0], out float expectedDw);
        Assert.Equal(expectedDx, dx);
        Assert.Equal(expectedDh, dh);
        Assert.Equal(expectedDw, dw[0]);

        // Through the contract's default body (one lane at a time), the same values to rounding.
        IBinaryActivation<float> contract = new ScaledProductFloat(act);
        float[] slowDx = new float[x.Length], slowDh = new float[x.Length], slowDw = new float[1];
        contract.Backward(x, h, dy, slowDx, slowDh, w, slowDw);
        for (int i = 0; i < x.Length; i++)
            CatalogStructTests.AssertWithin4Ulp(dx[i], slowDx[i], "GatedMix", "default-body dx", x[i]);
        Assert.Equal(dw[0], slowDw[0], 1e-5f);
    }

    /// <summary>f(a, b) = q·a·b, written by hand against the contract's required members only.</summary>
    private readonly struct ScaledProduct : IBinaryActivation<double>
    {
        public static ActivationInfo Info { get; } = new("ScaledProduct", "q * a * b", ["a", "b"], [], ["q"], ["q * b", "q * a", "a * b"], null);

        public static int InputCount => 2;

        public static int TrainableCount => 1;

        public static bool HasBackwardFromOutput => false;

        public double TrainableDefault(int index) => 1;

        public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables)
            where TV : struct, IVectorBits<TV, double> => Forward(inputs[0], inputs[1], trainables);

        public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
            where TV : struct, IVectorBits<TV, double> =>
            Backward(inputs[0], inputs[1], dy, trainables, out inputGradients[0], out inputGradients[1], trainableGradients);

        public TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables)
            where TV : struct, IVectorBits<TV, double> => trainables[0] * a * b;

        public void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients)
            where TV : struct, IVectorBits<TV, double>
        {
            da = dy * trainables[0] * b;
            db = dy * trainables[0] * a;
            if (!trainableGradients.IsEmpty)
                trainableGradients[0] = dy * a * b;
        }
    }

    /// <summary>A hand-written wrapper of a generated struct: only the required members, so the span forms run the default bodies.</summary>
    private readonly struct ScaledProductFloat(AdaptiveActivations.GatedMixActivation inner) : IBinaryActivation<float>
    {
        public static ActivationInfo Info => AdaptiveActivations.GatedMixActivation.Info;

        public static int InputCount => 2;

        public static int TrainableCount => 1;

        public static bool HasBackwardFromOutput => false;

        public float TrainableDefault(int index) => inner.TrainableDefault(index);

        public TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables)
            where TV : struct, IVectorBits<TV, float> => inner.Forward(inputs, trainables);

        public void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
            where TV : struct, IVectorBits<TV, float> => inner.Backward(inputs, dy, trainables, inputGradients, trainableGradients);

        public TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables)
            where TV : struct, IVectorBits<TV, float> => inner.Forward(a, b, trainables);

        public void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients)
            where TV : struct, IVectorBits<TV, float> => inner.Backward(a, b, dy, trainables, out da, out db, trainableGradients);
    }
}
