using A = ActivationGen.Activations;
using D = ActivationGen.Tests.Generated.DoubleActivations;

namespace ActivationGen.Tests.Analysis;

/// <summary><see cref="ActivationAnalysis"/> against closed forms of sigmoid, tanh, ReLU, leaky ReLU and ELU.</summary>
public sealed class ActivationAnalysisTests
{
    private const int Layers = 10;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void SigmoidPeaksAtAQuarterAndSaturates()
    {
        var flow = ActivationAnalysis.Analyze(new A.SigmoidActivation(), -6f, 6f, new AnalysisOptions { Layers = Layers });

        Assert.Equal("Sigmoid", flow.Name);
        Assert.Equal(0.25, flow.MaxAbsDerivative, 1e-7);
        Assert.True(Math.Abs(flow.MaxAbsDerivativeAt) < 1e-3, $"max at {flow.MaxAbsDerivativeAt}");
        Assert.Equal((Sigmoid(6) - Sigmoid(-6)) / 12, flow.MeanAbsDerivative, 1e-6);
        Assert.Equal(0, flow.DeadFraction);

        // σ′ = σ(1 − σ) = 0.01 where σ = (1 − √0.96) / 2.
        double s = (1 - Math.Sqrt(0.96)) / 2, edge = Math.Log(s / (1 - s));
        Assert.Equal(edge, flow.SaturatesBelow!.Value, 1e-4);
        Assert.Equal(-edge, flow.SaturatesAbove!.Value, 1e-4);
        Assert.Equal(2 * (6 + edge) / 12, flow.VanishingFraction, 1e-3);

        Assert.Equal(Sigmoid(-6), flow.OutputMin, 1e-7);
        Assert.Equal(Sigmoid(6), flow.OutputMax, 1e-7);

        var atZero = Assert.Single(flow.LayerProducts, p => p.PreActivation == 0);
        Assert.Equal(Math.Pow(0.25, Layers), atZero.Product, 1e-12 * Math.Pow(0.25, Layers));
        var atOne = Assert.Single(flow.LayerProducts, p => p.PreActivation == 1);
        Assert.Equal(Math.Pow(Sigmoid(1) * (1 - Sigmoid(1)), Layers), atOne.Product, 1e-5 * atOne.Product);
        Assert.Equal(Math.Pow(NormalExpectation(z => Sigmoid(z) * (1 - Sigmoid(z))), Layers), flow.ExpectedLayerProduct, 1e-5 * flow.ExpectedLayerProduct);

        Assert.Equal(10_000, flow.Inputs.Length);
        for (int i = 0; i < flow.Inputs.Length; i += 97)
        {
            Assert.Equal(A.Sigmoid((float)flow.Inputs[i]), flow.Values[i]);
            Assert.Equal(A.SigmoidDerivative((float)flow.Inputs[i]), flow.Derivatives[i]);
        }
    }

    [Fact]
    public void TanhPeaksAtOne()
    {
        var flow = ActivationAnalysis.Analyze(new A.TanhActivation(), -5f, 5f);

        Assert.Equal(1, flow.MaxAbsDerivative, 1e-7);
        Assert.Equal(Math.Tanh(5) / 5, flow.MeanAbsDerivative, 1e-6);
        // tanh′ = 1 − tanh² = 0.01 where tanh = √0.99.
        Assert.Equal(-Math.Atanh(Math.Sqrt(0.99)), flow.SaturatesBelow!.Value, 1e-4);
        Assert.Equal(Math.Tanh(-5), flow.OutputMin, 1e-6);
        Assert.Equal(Math.Tanh(5), flow.OutputMax, 1e-6);
        Assert.Equal(1, Assert.Single(flow.LayerProducts, p => p.PreActivation == 0).Product, 1e-12);
    }

    [Fact]
    public void ReluIsDeadOnHalfOfASymmetricRange()
    {
        var flow = ActivationAnalysis.Analyze(new A.ReluActivation(), -3f, 3f, new AnalysisOptions { Layers = Layers });

        Assert.Equal(0.5, flow.DeadFraction);
        Assert.Equal(0.5, flow.VanishingFraction);
        Assert.Equal(0.5, flow.MeanAbsDerivative, 1e-12);
        Assert.Equal(1, flow.MaxAbsDerivative);
        Assert.Equal(0, flow.SaturatesBelow!.Value, 1e-9);
        Assert.Null(flow.SaturatesAbove);
        Assert.Equal(0, flow.OutputMin);
        Assert.Equal(3, flow.OutputMax);
        Assert.Equal(0, Assert.Single(flow.LayerProducts, p => p.PreActivation == -1).Product);
        Assert.Equal(1, Assert.Single(flow.LayerProducts, p => p.PreActivation == 2).Product);
        // E ReLU′(z) = P(z > 0) = 1/2.
        Assert.Equal(Math.Pow(0.5, Layers), flow.ExpectedLayerProduct, 1e-6 * Math.Pow(0.5, Layers));
    }

    [Fact]
    public void LeakyReluNeitherDiesNorVanishes()
    {
        var flow = ActivationAnalysis.Analyze(new A.LeakyReluActivation(), -3f, 3f);

        Assert.Equal(0, flow.DeadFraction);
        Assert.Equal(0, flow.VanishingFraction); // |f′| = 0.01 is not below 0.01
        Assert.Null(flow.SaturatesBelow);
        Assert.Equal((0.01 + 1) / 2, flow.MeanAbsDerivative, 1e-7);

        var steeper = ActivationAnalysis.Analyze(new A.LeakyReluActivation(slope: 0.2f), -3f, 3f);
        Assert.Equal((0.2 + 1) / 2, steeper.MeanAbsDerivative, 1e-7);
    }

    [Fact]
    public void TrainablesAreTheDeclaredDefaultsUnlessGiven()
    {
        var declared = ActivationAnalysis.Analyze(new A.SwishActivation(), -4f, 4f);
        var linear = ActivationAnalysis.Analyze(new A.SwishActivation(), -4f, 4f, trainables: [0f]);

        // β = 0: f = x/2 and f′ = 1/2 everywhere.
        Assert.Equal(0.5, linear.MaxAbsDerivative, 1e-7);
        Assert.Equal(0.5, linear.MeanAbsDerivative, 1e-7);
        // β = 1: swish′ peaks at 1.0998 near x = 2.3994.
        Assert.Equal(1.0998, declared.MaxAbsDerivative, 1e-4);
        Assert.Equal(2.3994, declared.MaxAbsDerivativeAt, 1e-3);
        Assert.Throws<ArgumentException>(() => ActivationAnalysis.Analyze(new A.SwishActivation(), -4f, 4f, trainables: [1f, 2f]));
    }

    [Fact]
    public void DoubleActivationsToo()
    {
        var flow = ActivationAnalysis.Analyze(new D.EluActivation(), -8.0, 8.0);

        // ELU (α = 1): f′ = 1 above 0, eˣ below; eˣ < 0.01 below ln 0.01.
        Assert.Equal((8 + (1 - Math.Exp(-8))) / 16, flow.MeanAbsDerivative, 1e-7);
        Assert.Equal(Math.Log(0.01), flow.SaturatesBelow!.Value, 1e-9);
        Assert.Equal((8 + Math.Log(0.01)) / 16, flow.VanishingFraction, 1e-3);
        Assert.Equal(Math.Exp(-8) - 1, flow.OutputMin, 1e-12);
        Assert.Equal(8, flow.OutputMax, 1e-12);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => ActivationAnalysis.Analyze(new A.ReluActivation(), 1f, 1f));
        Assert.Throws<ArgumentException>(() => ActivationAnalysis.Analyze(new A.ReluActivation(), 0f, float.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => ActivationAnalysis.Analyze(new A.ReluActivation(), -1f, 1f, new AnalysisOptions { Points = 1 }));
    }

    // E g(z) for z ~ N(0, 1) by Simpson's rule over ±10 in double: an independent reference.
    private static double NormalExpectation(Func<double, double> g)
    {
        const int N = 200_000;
        double h = 20.0 / N, sum = 0;
        for (int i = 0; i <= N; i++)
        {
            double z = -10 + i * h, w = i == 0 || i == N ? 1 : i % 2 == 1 ? 4 : 2;
            sum += w * g(z) * Math.Exp(-0.5 * z * z);
        }
        return sum * h / 3 / Math.Sqrt(2 * Math.PI);
    }
}
