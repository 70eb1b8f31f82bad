namespace ActivationGen.Generator.Tests;

/// <summary>Parameter names that equal generated names (locals, temporaries, the type parameter) still compile.</summary>
public sealed class NameHygieneTests
{
    [Theory]
    [InlineData("x * xRef", "float x, float xRef")]
    [InlineData("vBeta * sigmoid(beta * x)", "float x, [Param] float vBeta, [Trainable] float beta")]
    [InlineData("dx * dxLanes * x", "float x, float dxLanes, [Trainable] float dx")]
    [InlineData("x + vDx + lastDx", "float x, float vDx, float lastDx")]
    [InlineData("TV * sigmoid(x)", "float x, [Param] float TV")]
    [InlineData("sigmoid(product0 * x) + sum0", "float x, [Trainable] float product0, [Param] float sum0")]
    [InlineData("job * start * length * x", "float x, [Trainable] float job, [Trainable] float start, [Param] float length")]
    [InlineData("Forward * x + width + i + block + counted + last", "float x, [Param] float Forward, [Param] float width, [Param] float i, [Param] float block, [Param] float counted, [Param] float last")]
    [InlineData("y * dy * x", "float x, [Trainable] float y, [Trainable] float dy")]
    [InlineData("info * forward * partials * x", "float x, [Param] float info = 1, [Param] float forward = 2, [Param] float partials = 3")]
    [InlineData("Info * x + slope * Slope", "float x, [Param] float Info, [Param] float slope, [Param] float Slope")]
    [InlineData("trainables * index * inputs + trainableGradients", "float inputs, [Trainable] float trainables, [Trainable] float index, [Param] float trainableGradients")]
    [InlineData("inputGradients * inputPartials * trainablePartials", "float inputGradients, float inputPartials, [Trainable] float trainablePartials")]
    [InlineData("FActivation * X * x", "float x, [Param] float FActivation, [Param] float X")]
    [InlineData("derivative * vDerivative * lastDerivative", "float derivative, [Param] float vDerivative, [Trainable] float lastDerivative")]
    [InlineData("derivativeRef * x + y", "float x, [Param] float derivativeRef, [Param] float y")]
    public void CollidingNamesCompile(string formula, string parameters)
    {
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;

            public static partial class A
            {
                [Activation("{{formula}}")]
                public static partial float F({{parameters}});
            }
            """);

        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void TheStructsTypeParameterAvoidsTheEnclosingTypesOnes()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public partial class Outer<TV>
            {
                [Activation("x * sigmoid(beta * x)")]
                private static partial float F(float x, [Trainable] float beta);

                private static FActivation Make() => new();
            }
            """);

        Assert.Empty(outcome.Diagnostics);
        Assert.Contains("private readonly struct FActivation", Assert.Single(outcome.Sources).Value);
    }
}
