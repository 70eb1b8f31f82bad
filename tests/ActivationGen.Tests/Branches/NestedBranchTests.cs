namespace ActivationGen.Tests.Branches;

public static partial class Branchy
{
    // exp(x) is used on both sides of the outer branch, each time behind an inner branch: its adjoint is a
    // select of selects, and at x = 1000 the untaken exp(x) is +Inf.
    [Activation("x > 0 ? (x > 100 ? 1 : exp(x)) : (x < -100 ? 1 : exp(x))")]
    public static partial float Nested(float x);

    [Activation("x * tanh(softplus(x))")]
    public static partial float Mish(float x);
}

/// <summary>Gradients through nested branches never turn an infinity on a side not taken into NaN.</summary>
public sealed class NestedBranchTests
{
    [Theory]
    [InlineData(1000f, 0f)]
    [InlineData(-1000f, 0f)]
    [InlineData(150f, 0f)]
    [InlineData(1f, 2.7182817f)]
    [InlineData(-1f, 0.36787945f)]
    public void NestedBranchGradients(float x, float expected)
    {
        var dx = new float[1];
        Branchy.NestedBackward([x], [1f], dx);

        Assert.Equal(expected, dx[0], 6);
        Assert.Equal(expected, Branchy.NestedDerivative(x), 6);
    }

    [Theory]
    [InlineData(88.75f)]
    [InlineData(1000f)]
    [InlineData(3.4e38f)]
    [InlineData(-3.4e38f)]
    public void MishWrittenPlainlyStaysFinite(float x)
    {
        float value = Branchy.Mish(x), slope = Branchy.MishDerivative(x);

        Assert.True(float.IsFinite(value) && float.IsFinite(slope), $"mish({x}) = {value}, mish'({x}) = {slope}");
        Assert.Equal(x > 0 ? 1f : 0f, slope, 6);
    }
}
