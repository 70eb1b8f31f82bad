namespace ActivationGen.Generator.Tests;

/// <summary>What the generator emits for a representative set of declarations, compared with committed snapshots.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("Swish", "x * sigmoid(beta * x)", "float x, [Trainable] float beta")]
    [InlineData("Elu", "x > 0 ? x : alpha * (exp(x) - 1)", "float x, [Param] float alpha = 1")]
    [InlineData("Relu", "max(x, 0)", "float x")]
    [InlineData("HardTanh", "x <= lo ? lo : (x >= hi ? hi : x)", "float x, [Param] float lo = -1, [Param] float hi = 1")]
    [InlineData("GeluTanh", "0.5 * x * (1 + tanh(0.7978845608 * (x + 0.044715 * x^3)))", "float x")]
    [InlineData("Softplus", "log(1 + exp(x))", "float x")]
    [InlineData("Gated", "tanh(x) * sigmoid(h)", "double x, double h")]
    [InlineData("Band", "x > -1 && x < 1 || !(x != 2) ? x^-2 : pow(x, p)", "double x, [Trainable] double p")]
    [InlineData("ScaledPRelu", "x > 0 ? scale * x : a * x", "float x, [Param] float scale = 1, [Trainable] float a = 0.25f")]
    [InlineData("TrainedGate", "sigmoid(w * h) * tanh(x)", "float x, float h, [Trainable] float w = 1")]
    public void Declaration(string name, string formula, string parameters)
    {
        string source = $$"""
            using ActivationGen;

            namespace Users.Models;

            public static partial class MyActivations
            {
                [Activation("{{formula}}")]
                public static partial {{(parameters.StartsWith("double", StringComparison.Ordinal) ? "double" : "float")}} {{name}}({{parameters}});
            }
            """;

        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.Diagnostics);
        var generated = Assert.Single(outcome.Sources);
        string types = string.Join(",", parameters.Split(", ").Select(p => p.Contains("double") ? "double" : "float"));
        Assert.Equal($"Users.Models.MyActivations.{name}({types}).g.cs", generated.Key);
        Snapshot.Verify(name, generated.Value);
    }

    [Fact]
    public void NestedTypesAndGlobalNamespace()
    {
        const string source = """
            using ActivationGen;

            public partial class Network<T>
            {
                internal partial struct Layer
                {
                    [Activation("x * tanh(softplus(x))")]
                    internal static partial float Mish(float x);
                }
            }
            """;

        var outcome = GeneratorHarness.Run(source);

        Assert.Empty(outcome.Diagnostics);
        Snapshot.Verify("NestedMish", Assert.Single(outcome.Sources).Value);
    }

    [Fact]
    public void InvalidDeclarationGetsAThrowingBody()
    {
        const string source = """
            using ActivationGen;

            public static partial class MyActivations
            {
                [Activation("x * sigmod(x)")]
                public static partial float Broken(float x);
            }
            """;

        var outcome = GeneratorHarness.Run(source);

        Assert.Equal("AG0003", Assert.Single(outcome.Diagnostics).Id);
        Snapshot.Verify("Broken", Assert.Single(outcome.Sources).Value);
    }
}
