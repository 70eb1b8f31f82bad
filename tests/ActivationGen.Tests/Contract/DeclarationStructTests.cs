using ActivationGen.Simd;
using ActivationGen.Tests.Generated;
using D = ActivationGen.Tests.Generated.DoubleActivations;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// The activation structs of the test declarations over double: two inputs (<see cref="IBinaryActivation{T}"/>),
/// three (the general <see cref="IActivation{T}"/> forms), and hyperparameters interleaved with trainables.
/// On one lane the struct runs the very tapes of the span members, so those agree exactly; at the widest
/// width within a few ulp.
/// </summary>
public sealed class DeclarationStructTests
{
    private static readonly double[] Xs = [-7.5, -2, -1, -0.25, 0, 0.3, 1, 2.5, 9];
    private static readonly double[] Hs = [-3, -0.5, 0.1, 0.75, 2];

    [Fact]
    public void BinaryGateAgreesWithItsSpanMembers()
    {
        var gate = new D.GatedActivation();
        Assert.Equal(2, D.GatedActivation.InputCount);
        Assert.Equal(["x", "h"], D.GatedActivation.Info.Inputs.ToArray());
        Assert.Equal(2, D.GatedActivation.Info.Derivatives.Length);
        Assert.False(D.GatedActivation.HasBackwardFromOutput);

        var partials = new double[2];
        foreach (double x in Xs)
            foreach (double h in Hs)
            {
                var y = gate.Forward(Vec1<double>.Create(x), Vec1<double>.Create(h), []);
                gate.Backward(Vec1<double>.Create(x), Vec1<double>.Create(h), Vec1<double>.Create(0.5), [], out var dx, out var dh, []);
                var expectedDx = new double[1];
                var expectedDh = new double[1];
                D.GatedBackward([x], [h], [0.5], expectedDx, expectedDh);
                Assert.Equal(D.Gated(x, h), Vec1<double>.Sum(y));
                Assert.Equal(expectedDx[0], Vec1<double>.Sum(dx));
                Assert.Equal(expectedDh[0], Vec1<double>.Sum(dh));

                // The general forms and the scalar partials say the same.
                Assert.Equal(y, gate.Forward<Vec1<double>>([Vec1<double>.Create(x), Vec1<double>.Create(h)], []));
                gate.Partials([x, h], [], partials, []);
                D.GatedBackward([x], [h], [1.0], expectedDx, expectedDh);
                Assert.Equal([expectedDx[0], expectedDh[0]], partials);
            }
    }

    [Fact]
    public void ThreeInputsWithTrainablesAgreeWithTheSpanMembers()
    {
        var act = new D.Deep3Activation();
        Assert.Equal(3, D.Deep3Activation.InputCount);
        Assert.Equal(2, D.Deep3Activation.TrainableCount);
        Assert.Equal(5, D.Deep3Activation.Info.Derivatives.Length);
        double[] q = [0.8, -1.3];
        Vec1<double>[] qv = [Vec1<double>.Create(q[0]), Vec1<double>.Create(q[1])];
        var inputGradients = new Vec1<double>[3];
        var trainableGradients = new Vec1<double>[2];
        var inputPartials = new double[3];
        var trainablePartials = new double[2];
        foreach (double x in Xs)
            foreach (double h in Hs)
            {
                double c = 0.5 * x - h;
                Vec1<double>[] inputs = [Vec1<double>.Create(x), Vec1<double>.Create(h), Vec1<double>.Create(c)];
                Assert.Equal(D.Deep3(x, h, c, q[0], q[1]), Vec1<double>.Sum(act.Forward<Vec1<double>>(inputs, qv)));

                double[] dx = new double[1], dh = new double[1], dc = new double[1];
                D.Deep3Backward([x], [h], [c], [2.0], dx, dh, dc, q[0], q[1], out double dA, out double dB);
                act.Backward<Vec1<double>>(inputs, Vec1<double>.Create(2.0), qv, inputGradients, trainableGradients);
                Assert.Equal([dx[0], dh[0], dc[0]], inputGradients.Select(Vec1<double>.Sum).ToArray());
                Assert.Equal([dA, dB], trainableGradients.Select(Vec1<double>.Sum).ToArray());

                // An empty trainable-gradient span asks for the input gradients alone: the same values.
                Array.Clear(inputGradients);
                act.Backward<Vec1<double>>(inputs, Vec1<double>.Create(2.0), qv, inputGradients, []);
                Assert.Equal([dx[0], dh[0], dc[0]], inputGradients.Select(Vec1<double>.Sum).ToArray());

                act.Partials([x, h, c], q, inputPartials, trainablePartials);
                D.Deep3Backward([x], [h], [c], [1.0], dx, dh, dc, q[0], q[1], out dA, out dB);
                Assert.Equal([dx[0], dh[0], dc[0]], inputPartials);
                Assert.Equal([dA, dB], trainablePartials);
            }
    }

    [Fact]
    public void HyperparametersAndTrainablesInterleavedKeepTheirOrder()
    {
        // Smooth(x, [Trainable] a, [Param] eps, [Trainable] b, [Param] scale = 2): eps has no default.
        var act = new D.SmoothActivation(eps: 0.125);
        Assert.Equal(0.125, act.Eps);
        Assert.Equal(2.0, act.Scale);
        Assert.Equal(["eps", "scale"], D.SmoothActivation.Info.Parameters.ToArray());
        Assert.Equal(["a", "b"], D.SmoothActivation.Info.Trainables.ToArray());
        Assert.Equal(0.0, default(D.SmoothActivation).Scale);
        double[] q = [1.5, 0.75];

        var xs = Enumerable.Range(0, 37).Select(i => -9 + i * 0.5).ToArray();
        var y = new double[xs.Length];
        var dx = new double[xs.Length];
        var sums = new double[2];
        var ones = Enumerable.Repeat(1.0, xs.Length).ToArray();
        act.Forward(xs, y, q);
        act.Backward(xs, ones, dx, q, sums);
        var expectedY = new double[xs.Length];
        var expectedDx = new double[xs.Length];
        D.Smooth(xs, expectedY, q[0], 0.125, q[1], 2.0);
        D.SmoothBackward(xs, ones, expectedDx, q[0], 0.125, q[1], 2.0, out double dA, out double dB);
        Assert.Equal(expectedY, y);
        Assert.Equal(expectedDx, dx);
        Assert.Equal([dA, dB], sums);

        WidestWidthAgrees<D.SmoothActivation>(act, q, xs, (x, p) => D.Smooth(x, p[0], 0.125, p[1], 2.0));
    }

    [Fact]
    public void FloatStructOfTheSameFormulaIsAFloatContract()
    {
        Assert.True(typeof(IUnaryActivation<float>).IsAssignableFrom(typeof(FloatActivations.SwishActivation)));
        Assert.True(typeof(IUnaryActivation<double>).IsAssignableFrom(typeof(D.SwishActivation)));
        Assert.True(typeof(IBinaryActivation<float>).IsAssignableFrom(typeof(FloatActivations.GatedActivation)));
        Assert.False(typeof(IUnaryActivation<double>).IsAssignableFrom(typeof(D.Mix3Activation)));
        Assert.True(typeof(IActivation<double>).IsAssignableFrom(typeof(D.Mix3Activation)));
    }

    private static void WidestWidthAgrees<TAct>(TAct act, double[] q, double[] xs, Func<double, double[], double> scalar)
        where TAct : struct, IUnaryActivation<double>
    {
        if (Vec512<double>.IsHardwareAccelerated)
            AtWidth<TAct, Vec512<double>>(act, q, xs, scalar);
        else
            AtWidth<TAct, Vec256<double>>(act, q, xs, scalar);
    }

    private static void AtWidth<TAct, TV>(TAct act, double[] q, double[] xs, Func<double, double[], double> scalar)
        where TAct : struct, IUnaryActivation<double>
        where TV : struct, IVectorBits<TV, double>
    {
        var qv = q.Select(TV.Create).ToArray();
        var lanes = new double[TV.Count];
        for (int i = 0; i + TV.Count <= xs.Length; i += TV.Count)
        {
            TV.StoreUnsafe(act.Forward(TV.LoadUnsafe(ref xs[0], (nuint)i), qv), ref lanes[0], 0);
            for (int lane = 0; lane < TV.Count; lane++)
            {
                double expected = scalar(xs[i + lane], q);
                Assert.True(Math.Abs(expected - lanes[lane]) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"{typeof(TV).Name} at {xs[i + lane]}: {lanes[lane]:R} vs {expected:R}");
            }
        }
    }
}
