using System.Reflection;
using ActivationGen.Generator.Declarations;
using ActivationGen.Generator.Emit;
using ActivationGen.Generator.Model;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Tests;

/// <summary>The benchmark stubs: their text, when they appear, and that the metadata path gives the same stub as source.</summary>
public sealed class BenchmarkStubTests
{
    private static string Declarations(string name, string formula, string parameters) => $$"""
        using ActivationGen;

        namespace Users.Models;

        public static partial class MyActivations
        {
            [Activation("{{formula}}")]
            public static partial {{(parameters.StartsWith("double", StringComparison.Ordinal) ? "double" : "float")}} {{name}}({{parameters}});
        }
        """;

    [Theory]
    [InlineData("Silu", "x * sigmoid(x)", "float x")]
    [InlineData("Gated", "tanh(x) * sigmoid(h)", "float x, float h")]
    [InlineData("Swish", "x * sigmoid(beta * x)", "float x, [Trainable] float beta = 1")]
    [InlineData("Elu", "x > 0 ? x : alpha * (exp(x) - 1)", "double x, [Param] double alpha = 1")]
    public void StubSnapshot(string name, string formula, string parameters)
    {
        var (sources, diagnostics, _) = BenchmarkHarness.Run(
            BenchmarkHarness.Compile("Bench", BenchmarkHarness.BenchmarkDotNet, Declarations(name, formula, parameters)));

        Assert.Empty(diagnostics);
        Snapshot.Verify(name + ".Benchmarks", StubOf(sources, name));
    }

    [Fact]
    public void WithoutBenchmarkDotNetThereIsNoStubAndNoReferenceToIt()
    {
        const string assemblyAttribute = "[assembly: ActivationGen.BenchmarkActivations(typeof(ActivationGen.Activations))]";
        var (sources, diagnostics, output) = BenchmarkHarness.Run(BenchmarkHarness.Compile("NoBench", [],
            Declarations("Silu", "x * sigmoid(x)", "float x"), assemblyAttribute));

        Assert.Empty(diagnostics);
        Assert.Equal(["Users.Models.MyActivations.Silu(float).g.cs"], sources.Keys);
        Assert.DoesNotContain(sources.Values, text => text.Contains("BenchmarkDotNet", StringComparison.Ordinal));
        Assert.DoesNotContain(output.ReferencedAssemblyNames, a => a.Name.StartsWith("BenchmarkDotNet", StringComparison.Ordinal));
    }

    [Fact]
    public void MetadataPathGivesTheSameStubsAsSource()
    {
        string library = Declarations("Swish", "x * sigmoid(beta * x)", "float x, [Trainable] float beta = 1")
            .Replace("    [Activation", """
                [ActivationBenchmark(InputMin = -4, InputMax = 2, Sizes = new[] { 64, 1000 })]
                [Activation("x > 0 ? x : alpha * expm1(x)")]
                public static partial double Elu(double x, [Param] double alpha = 1);

                [Activation
            """, StringComparison.Ordinal);
        var fromSource = BenchmarkHarness.Run(BenchmarkHarness.Compile("FromSource", BenchmarkHarness.BenchmarkDotNet, library));
        var compiled = BenchmarkHarness.Library("UserLibrary", library);
        var fromMetadata = BenchmarkHarness.Run(BenchmarkHarness.Compile("FromMetadata", [.. BenchmarkHarness.BenchmarkDotNet, compiled],
            "[assembly: ActivationGen.BenchmarkActivations(typeof(Users.Models.MyActivations))]"));

        Assert.Empty(fromSource.Diagnostics);
        Assert.Empty(fromMetadata.Diagnostics);
        string[] stubs = ["Users.Models.MyActivations.Elu(double,double).Benchmarks.g.cs", "Users.Models.MyActivations.Swish(float,float).Benchmarks.g.cs"];
        Assert.Equal(stubs, fromMetadata.Sources.Keys.Order(StringComparer.Ordinal));
        foreach (var stub in stubs)
            Assert.Equal(fromSource.Sources[stub], fromMetadata.Sources[stub]);
        Assert.Contains("BenchmarkData.Sizes(64, 1000)", fromMetadata.Sources[stubs[0]], StringComparison.Ordinal);
        Assert.Contains("Uniform<double>(random, N, -4, 2)", fromMetadata.Sources[stubs[0]], StringComparison.Ordinal);
    }

    [Fact]
    public void AssemblySizesApplyUnlessTheDeclarationSetsItsOwn()
    {
        string source = Declarations("Silu", "x * sigmoid(x)", "float x")
            .Replace("    [Activation", """
                [ActivationBenchmark(Sizes = new[] { 7 })]
                [Activation("tanh(x)")]
                public static partial float Tanh(float x);

                [Activation
            """, StringComparison.Ordinal);
        var (sources, diagnostics, _) = BenchmarkHarness.Run(BenchmarkHarness.Compile("Sized", BenchmarkHarness.BenchmarkDotNet, source,
            "[assembly: ActivationGen.BenchmarkActivations(Sizes = new[] { 100, 200 })]"));

        Assert.Empty(diagnostics);
        Assert.Contains("BenchmarkData.Sizes(100, 200)", StubOf(sources, "Silu"), StringComparison.Ordinal);
        Assert.Contains("BenchmarkData.Sizes(7)", StubOf(sources, "Tanh"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x * sigmoid(beta * x)", "float x, [Trainable] float beta = 1.5f")]
    [InlineData("tanh(x) * sigmoid(h)", "float x, float h")]
    [InlineData("x > 0 ? x : alpha * (exp(x) - 1)", "double x, [Param] double alpha = 1")]
    public void TheGuardPassesTheGeneratedKernels(string formula, string parameters)
    {
        var (_, diagnostics, output) = BenchmarkHarness.Run(
            BenchmarkHarness.Compile("Guarded", BenchmarkHarness.BenchmarkDotNet, Declarations("F", formula, parameters)));
        Assert.Empty(diagnostics);

        var stub = BenchmarkHarness.Load(output).GetType("ActivationGen.Benchmarks.Generated.MyActivations.FBenchmarks", throwOnError: true)!;
        Setup(stub, 5000); // not a multiple of any vector width, so the tails run too
    }

    [Fact]
    public void TheGuardThrowsBeforeAWrongKernelIsTimed()
    {
        // Wrong at x < 0; and without NameWithDerivative, as in an assembly built by an older ActivationGen: the stub leaves its rows out.
        string failure = GuardFailureOfRelu(
            "public static void ReluBackward(System.ReadOnlySpan<float> x, System.ReadOnlySpan<float> dy, System.Span<float> dx) { for (int i = 0; i < x.Length; i++) dx[i] = dy[i]; }",
            hasWithDerivative: false);
        Assert.Contains("ReluBackward dx", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void TheGuardThrowsBeforeAWrongKeptDerivativeIsTimed()
    {
        // Right everywhere but in the derivative the forward keeps, which is 1 at x < 0.
        string failure = GuardFailureOfRelu(
            """
            public static void ReluBackward(System.ReadOnlySpan<float> x, System.ReadOnlySpan<float> dy, System.Span<float> dx) { for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * ReluDerivative(x[i]); }
            public static void ReluWithDerivative(System.ReadOnlySpan<float> x, System.Span<float> y, System.Span<float> derivative) { for (int i = 0; i < x.Length; i++) (y[i], derivative[i]) = (Relu(x[i]), 1); }
            """,
            hasWithDerivative: true);
        Assert.Contains("SavedDerivative.Backward(ReluWithDerivative's derivative) dx", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("ReluBackward dx", failure, StringComparison.Ordinal);
    }

    /// <summary>The guard's message for relu's stub pointed at hand-written members: these, beside a right scalar, forward and from-output backward.</summary>
    private static string GuardFailureOfRelu(string members, bool hasWithDerivative)
    {
        string kernels = $$"""
            namespace Wrong;

            public static class Kernels
            {
                public static float Relu(float x) => x > 0 ? x : 0;
                public static float ReluDerivative(float x) => x > 0 ? 1 : 0;
                public static void Relu(System.ReadOnlySpan<float> x, System.Span<float> y) { for (int i = 0; i < x.Length; i++) y[i] = Relu(x[i]); }
                public static void ReluBackwardFromOutput(System.ReadOnlySpan<float> y, System.ReadOnlySpan<float> dy, System.Span<float> dx) { for (int i = 0; i < y.Length; i++) dx[i] = y[i] > 0 ? dy[i] : 0; }
            {{members}}
            }
            """;
        var spec = ActivationSpec.FromSymbol(ReluSymbol(), mustBePublic: true)!;
        var model = BenchmarkStub.Of(new BenchmarkTarget(spec, BenchmarkOptions.Default, hasWithDerivative))! with { DeclaringType = "global::Wrong.Kernels" };
        var compilation = BenchmarkHarness.Compile("WrongKernel", BenchmarkHarness.BenchmarkDotNet, kernels, BenchmarkStubEmitter.Emit(model, EquatableArray<int>.Empty));
        var stub = BenchmarkHarness.Load(compilation).GetType("ActivationGen.Benchmarks.Generated.MyActivations.ReluBenchmarks", throwOnError: true)!;
        return Assert.Throws<InvalidOperationException>(() => Setup(stub, 4096)).Message;
    }

    private static Microsoft.CodeAnalysis.IMethodSymbol ReluSymbol()
    {
        var (_, _, output) = BenchmarkHarness.Run(BenchmarkHarness.Compile("Relu", [], Declarations("Relu", "x > 0 ? x : 0", "float x")));
        return output.GetTypeByMetadataName("Users.Models.MyActivations")!.GetMembers("Relu").OfType<Microsoft.CodeAnalysis.IMethodSymbol>().Single(m => m.Parameters.Length == 1 && m.Parameters[0].Type.SpecialType == Microsoft.CodeAnalysis.SpecialType.System_Single);
    }

    private static void Setup(Type stub, int n)
    {
        object instance = Activator.CreateInstance(stub)!;
        stub.GetProperty("N")!.SetValue(instance, n);
        try
        {
            stub.GetMethod("Setup")!.Invoke(instance, null);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    /// <summary>The stub file of activation <paramref name="name"/>; hint names carry the parameter types (overloads).</summary>
    private static string StubOf(IReadOnlyDictionary<string, string> sources, string name) =>
        Assert.Single(sources, kv => kv.Key.StartsWith($"Users.Models.MyActivations.{name}(", StringComparison.Ordinal)
            && kv.Key.EndsWith(".Benchmarks.g.cs", StringComparison.Ordinal)).Value;
}
