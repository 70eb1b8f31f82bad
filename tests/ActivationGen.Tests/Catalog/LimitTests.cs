using System;
using ActivationGen.Tests.Generated;

namespace ActivationGen.Tests.Catalog;

/// <summary>
/// Limits at ±∞ and NaN through the guards the generator adds: swish, mish and GELU are 0 at −∞ and have
/// slope 1 at +∞ (closed forms: x·σ(x) → 0, σ(x) + x·σ′(x) → 1 …), and NaN in gives NaN out of every
/// member, the gradients of clamp, min and max included.
/// </summary>
public sealed class LimitTests
{
    public static TheoryData<string> Gated() => ["Silu", "Swish", "Mish", "Gelu", "GeluTanh"];

    [Theory]
    [MemberData(nameof(Gated))]
    public void ZeroAtMinusInfinity(string name)
    {
        var entry = CatalogEntries.Default(name);
        var y = new float[1];
        entry.Forward([float.NegativeInfinity], y);
        Assert.Equal(0f, y[0]);
        var dx = new float[1];
        entry.Backward([float.NegativeInfinity], [1f], dx);
        Assert.Equal(0f, dx[0]);
    }

    [Theory]
    [MemberData(nameof(Gated))]
    public void SlopeOneAtPlusInfinity(string name)
    {
        var entry = CatalogEntries.Default(name);
        var y = new float[1];
        entry.Forward([float.PositiveInfinity], y);
        Assert.Equal(float.PositiveInfinity, y[0]);
        var dx = new float[1];
        entry.Backward([float.PositiveInfinity], [1f], dx);
        Assert.Equal(1f, dx[0]);
    }

    [Theory]
    [MemberData(nameof(Gated))]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("Elu")]
    [InlineData("Softplus")]
    [InlineData("LogSigmoid")]
    [InlineData("Lisht")]
    public void NaNGivesNaN(string name)
    {
        var entry = CatalogEntries.Default(name);
        var y = new float[1];
        entry.Forward([float.NaN], y);
        Assert.True(float.IsNaN(y[0]), $"{name}(NaN) = {y[0]}");
        var dx = new float[1];
        entry.Backward([float.NaN], [1f], dx);
        Assert.True(float.IsNaN(dx[0]), $"{name}'(NaN) = {dx[0]}");
    }

    [Fact]
    public void ClampMinAndMaxGradientsKeepNaN()
    {
        var dx = new float[1];
        var dh = new float[1];
        FloatActivations.MinMaxClampBackward([float.NaN], [0.3f], [1f], dx, dh);
        Assert.True(float.IsNaN(dx[0]), $"d/dx at NaN = {dx[0]}");
        FloatActivations.ClampedBackward([float.NaN], [1f], dx, -1f, 1.5f);
        Assert.True(float.IsNaN(dx[0]), $"clamp gradient at NaN = {dx[0]}");
    }

    [Theory]
    // Closed forms in double: σ′(20) = e^−20/(1 + e^−20)², tanh′(10) = sech²(10), ELU′(−17) = e^−17.
    [InlineData("Sigmoid", 20.0)]
    [InlineData("Tanh", 10.0)]
    [InlineData("Elu", -17.0)]
    public void FarTailDerivativesKeepTheirDigits(string name, double x)
    {
        double expected = name switch
        {
            "Sigmoid" => Math.Exp(-x) / ((1 + Math.Exp(-x)) * (1 + Math.Exp(-x))),
            "Tanh" => 1 / (Math.Cosh(x) * Math.Cosh(x)),
            _ => Math.Exp(x),
        };
        var dx = new float[1];
        CatalogEntries.Default(name).Backward([(float)x], [1f], dx);
        Assert.True(Math.Abs(dx[0] - expected) <= 4 * Grids.Ulp(expected), $"{name}'({x}) = {dx[0]}, expected {expected}");
    }
}
