using System;

namespace ActivationGen.Tests.Generated;

/// <summary>A [Param] default declared on the method carries over to the generated span and derivative members.</summary>
public sealed class DefaultParameterTests
{
    [Fact]
    public void FloatDefaults_AreTheDeclaredValues()
    {
        float[] x = [-2f, -0.5f, 0.25f, 3f];
        float[] y = new float[4], yExplicit = new float[4], dx = new float[4], dxExplicit = new float[4];
        float[] dy = [1f, -2f, 0.5f, 1.5f];
        FloatActivations.Elu(x, y);
        FloatActivations.Elu(x, yExplicit, 1f);
        Assert.Equal(yExplicit, y);
        FloatActivations.EluBackward(x, dy, dx);
        FloatActivations.EluBackward(x, dy, dxExplicit, 1f);
        Assert.Equal(dxExplicit, dx);
        Assert.Equal(FloatActivations.Elu(-0.5f, 1f), FloatActivations.Elu(-0.5f));
        Assert.Equal(FloatActivations.EluDerivative(-0.5f, 1f), FloatActivations.EluDerivative(-0.5f));
        Assert.NotEqual(FloatActivations.Elu(-0.5f, 2f), FloatActivations.Elu(-0.5f));

        Assert.Equal(FloatActivations.Smooth(0.7f, 0.8f, 1e-3f, 0.7f, 2f), FloatActivations.Smooth(0.7f, 0.8f, 1e-3f, 0.7f));
        FloatActivations.Smooth(x, y, 0.8f, 1e-3f, 0.7f);
        FloatActivations.Smooth(x, yExplicit, 0.8f, 1e-3f, 0.7f, 2f);
        Assert.Equal(yExplicit, y);
    }

    [Fact]
    public void DoubleDefaults_AreTheDeclaredValues()
    {
        double[] x = [-2, -0.5, 0.25, 3];
        double[] y = new double[4], yExplicit = new double[4];
        DoubleActivations.Elu(x, y);
        DoubleActivations.Elu(x, yExplicit, 1);
        Assert.Equal(yExplicit, y);
        Assert.Equal(DoubleActivations.EluDerivative(-0.5, 1), DoubleActivations.EluDerivative(-0.5));
        Assert.Equal(DoubleActivations.Smooth(0.7, 0.8, 1e-3, 0.7, 2), DoubleActivations.Smooth(0.7, 0.8, 1e-3, 0.7));
    }

    [Fact]
    public void ReferenceFunctions_MatchTabulatedValues()
    {
        // erf from Abramowitz & Stegun / high-precision tables; expm1 and log1p near zero where naive forms fail.
        (double X, double Erf)[] table = [(0.5, 0.5204998778130465), (1, 0.8427007929497149), (1.9, 0.9927904292352575),
            (2, 0.9953222650189527), (2.5, 0.9995930479825550), (3.5, 0.9999992569016276), (-1, -0.8427007929497149)];
        foreach (var (x, erf) in table)
            Assert.True(Math.Abs(Reference.Erf(x) - erf) < 2e-16 * 4, $"erf({x}) = {Reference.Erf(x):R}");
        Assert.Equal(1.00000000005e-10, Reference.Expm1(1e-10), 1e-24);
        Assert.Equal(9.9999999995e-11, Reference.Log1p(1e-10), 1e-24);
        Assert.Equal(Math.Exp(3) - 1, Reference.Expm1(3), 1e-13);
        Assert.Equal(Math.Log(4), Reference.Log1p(3), 1e-15);
    }
}
