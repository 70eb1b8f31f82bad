using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// Declarations of every shape C# allows either work or get one clear error: none crashes the generator,
/// none leaves an error inside generated code, and a broken one still has its whole API.
/// </summary>
public sealed class DeclarationTests
{
    private const string EveryMember = """
        static class Consumer
        {
            public static void CallEveryMember()
            {
                float[] xs = [1f], ys = new float[1], dys = [1f], dxs = new float[1];
                float value = SCALAR;
                P.F(xs, ys, 1f);
                P.FBackward(xs, dys, dxs, 1f);
                P.FBackward(xs, dys, dxs, 1f, out float dBeta);
                P.FBackwardFromOutput(ys, dys, dxs, 1f);
                float slope = P.FDerivative(1f, 1f);
                System.Console.WriteLine(value + dBeta + slope);
            }

            // The struct, as a layer takes it and as code reads it.
            public static float UseTheStruct()
            {
                var activation = new P.FActivation();
                var x = ActivationGen.Simd.Vec1<float>.Create(1f);
                var y = Layer(activation, x);
                activation.Forward(new float[1], new float[1], [1f]);
                return ActivationGen.Simd.Vec1<float>.Sum(y) + P.FActivation.Info.Derivatives.Length + P.FActivation.TrainableCount;
            }

            static ActivationGen.Simd.Vec1<float> Layer<TAct>(TAct activation, ActivationGen.Simd.Vec1<float> x)
                where TAct : struct, ActivationGen.IUnaryActivation<float>
            {
                System.Span<ActivationGen.Simd.Vec1<float>> gradients = [x];
                var dx = activation.Backward(x, x, [x], gradients);
                return activation.Forward(x, [x]) + dx + activation.BackwardFromOutput(x, x, [x]);
            }
        }
        """;

    /// <summary>Call sites of every member, the activation struct's included, compile; the only diagnostic is the declaration's one error.</summary>
    [Theory]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "x * sigmod(beta * x)", "AG0003")]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "x * (beta", "AG0001")]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "x * betta", "AG0002")]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "max(x)", "AG0004")]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "x > beta", "AG0011")]
    [InlineData("public static partial float F(float x, [Trainable] float beta);", "", "AG0005")]
    [InlineData("public static partial int F(float x, [Trainable] float beta);", "x * beta", "AG0007")]
    [InlineData("public static partial float F(float x, [Trainable] string beta);", "x", "AG0007")]
    [InlineData("public static partial float F(float x, [Param, Trainable] float beta);", "x * beta", "AG0012")]
    [InlineData("public static partial float F<T>(float x, [Trainable] float beta) where T : struct;", "x * beta", "AG0008", "P.F<int>(1f, 1f)")]
    [InlineData("public partial float F(float x, [Trainable] float beta);", "x * beta", "AG0006", "new P().F(1f, 1f)")]
    public void BrokenDeclarationsStillHaveEveryMember(string declaration, string formula, string id, string scalar = "P.F(1f, 1f)")
    {
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;

            public partial class P
            {
                [Activation("{{formula}}")]
                {{declaration}}
            }
            """, EveryMember.Replace("SCALAR", id == "AG0007" && declaration.Contains("string") ? "P.F(1f, \"\")" : scalar));

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
    }

    /// <summary>A broken declaration's struct compiles where it is used, and each of its kernels throws, as its other members do.</summary>
    [Fact]
    public void ABrokenDeclarationsStructThrowsLikeItsOtherMembers()
    {
        var compilation = GeneratorHarness.Compile($$"""
            using ActivationGen;

            public partial class P
            {
                [Activation("relu(x) + ")]
                public static partial float F(float x, [Trainable] float beta);
            }
            """, EveryMember.Replace("SCALAR", "P.F(1f, 1f)"));
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Equal("AG0001", Assert.Single(generatorDiagnostics).Id);
        var consumer = BenchmarkHarness.Load(output).GetType("Consumer")!;

        var thrown = Assert.Throws<System.Reflection.TargetInvocationException>(() => consumer.GetMethod("UseTheStruct")!.Invoke(null, null));
        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Contains("'F' has errors", thrown.InnerException!.Message);
    }

    /// <summary>
    /// A type without <c>partial</c> around the activation, at any level: the generated part makes the compiler's
    /// CS0260 ("missing partial modifier", at that type) the one error, replacing the CS0751 and CS8795 the
    /// declaration alone would give. An AG error of our own there would be a second error (the compiler's
    /// cannot be suppressed), and emitting nothing would leave three.
    /// </summary>
    [Theory]
    [InlineData("public class P {", "}", "", "P")]
    [InlineData("public struct P {", "}", "", "P")]
    [InlineData("public record P {", "}", "", "P")]
    [InlineData("public static class Outer { public static partial class P {", "} }", "using P = Outer.P;\n", "Outer")]
    [InlineData("public static partial class Outer { public static class P {", "} }", "using P = Outer.P;\n", "P")]
    public void ANonPartialEnclosingTypeIsTheCompilersOneError(string open, string close, string alias, string type)
    {
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;

            {{open}}
                [Activation("x * sigmoid(beta * x)")]
                public static partial float F(float x, [Trainable] float beta);
            {{close}}
            """, alias + EveryMember.Replace("SCALAR", "P.F(1f, 1f)").Replace("P.FBackwardFromOutput(ys, dys, dxs, 1f);", ""));

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("CS0260", diagnostic.Id);
        Assert.Equal(type, outcome.Input.SyntaxTrees.First().GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void FloatAndDoubleOverloadsAndTwoAritiesCoexist()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x * sigmoid(x)")]
                public static partial float F(float x);

                [Activation("x * sigmoid(x)")]
                public static partial double F(double x);

                [Activation("x * sigmoid(h)")]
                public static partial float F(float x, float h);

                [Activation("x * sigmoid(a * x) + b")]
                public static partial float F(float x, [Param] float a, [Param] float b);

                [Activation("x")]
                public static partial float f(float x);
            }

            static class Consumer
            {
                static void Calls(float[] xs, double[] ds, float[] ys, double[] dys)
                {
                    P.F(xs, ys);
                    P.F(ds, dys);
                    P.F(xs, xs, ys);
                    P.F(xs, ys, 2f, 1f);
                    P.f(xs, ys);
                }
            }
            """);

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal(5, outcome.Sources.Count);
        Assert.Contains("P.F(float).g.cs", outcome.Sources.Keys);
        Assert.Contains("P.F(double).g.cs", outcome.Sources.Keys);
        Assert.Contains("P.F(float,float).g.cs", outcome.Sources.Keys);
        Assert.Contains("P.F(float,float,float).g.cs", outcome.Sources.Keys);
        Assert.Contains("P.f(float)_2.g.cs", outcome.Sources.Keys);
        // One struct per name: the first declared overload's.
        var structs = outcome.Sources.Where(s => s.Value.Contains("readonly struct FActivation", StringComparison.Ordinal)).Select(s => s.Key);
        Assert.Equal(["P.F(float).g.cs"], structs);
    }

    [Theory]
    [InlineData("public partial record R", "public partial record R")]
    [InlineData("public partial record struct R", "public partial record struct R")]
    [InlineData("public readonly partial struct R", "public readonly partial struct R")]
    [InlineData("public ref partial struct R", "public ref partial struct R")]
    [InlineData("public partial interface R<out T>", "public partial interface R<out T>")]
    [InlineData("public sealed partial class Outer<T, U> where T : struct { internal partial class R", "public sealed partial class Outer<T, U> where T : struct { internal partial class R }")]
    [InlineData("namespace @namespace { public partial class @class", "namespace @namespace { public partial class @class }")]
    [InlineData("namespace Ünïcödé.Näme { public partial class Größe", "namespace Ünïcödé.Näme { public partial class Größe }")]
    public void EveryKindOfContainingTypeWorks(string open, string label)
    {
        _ = label;
        int extraBraces = open.Count(c => c == '{');
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;

            {{open}}
            {
                [Activation("x * tanh(softplus(x))")]
                public static partial float Mish(float x);

                [Activation("x * sigmoid(beta * x)")]
                public static partial double Swish(double x, [Trainable] double beta);
            }
            {{new string('}', extraBraces)}}
            """);

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal(2, outcome.Sources.Count);
    }

    [Fact]
    public void KeywordAndUnicodeNamesAreEscapedWhereCSharpNeedsIt()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("double * sigmoid(class * double)")]
                public static partial float @float(float @double, [Trainable] float @class);

                [Activation("größe * tanh(größe)")]
                public static partial float Ärger(float größe);
            }

            static class Consumer
            {
                static void Calls(float[] xs, float[] ys)
                {
                    float value = P.@float(@double: 1f, @class: 2f);
                    P.@float(xs, ys, 1f);
                    P.floatBackward(xs, ys, ys, 1f, out float dClass);
                    P.Ärger(xs, ys);
                    P.ÄrgerBackward(xs, ys, ys);
                    System.Console.WriteLine(value + dClass + P.ÄrgerDerivative(1f));
                }
            }
            """);

        Assert.Empty(outcome.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("CS", StringComparison.Ordinal)));
    }

    [Fact]
    public void PartialTypesSplitOverFilesWork()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x * sigmoid(x)")]
                public static partial float Silu(float x);
            }
            """, """
            using ActivationGen;

            public static partial class P
            {
                [Activation("tanh(x)")]
                public static partial float T(float x);

                public static float Both(float x) => Silu(x) + T(x) + SiluDerivative(x);
            }
            """);

        Assert.Empty(outcome.Diagnostics);
        Assert.Equal(2, outcome.Sources.Count);
    }

    [Fact]
    public void AFileLocalTypeIsAnError()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            file static partial class P
            {
                [Activation("x")]
                public static partial float F(float x);
            }
            """);

        // A partial method of a file-local type can only be implemented in its own file, so the compiler's
        // CS8795 remains beside ours; no generated code is added.
        Assert.Equal("AG0023", Assert.Single(outcome.Diagnostics, d => d.Id.StartsWith("AG", StringComparison.Ordinal)).Id);
        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id == "CS8785");
        Assert.Empty(outcome.Sources);
    }

    [Theory]
    [InlineData("public static float BDerivative(float x) => x;", "BDerivative")]
    [InlineData("public static void BBackward(float x) { }", "BBackward")]
    [InlineData("public static int BBackwardFromOutput => 0;", "BBackwardFromOutput")]
    [InlineData("public static void BWithDerivative() { }", "BWithDerivative")]
    [InlineData("public struct BActivation { }", "BActivation")]
    [InlineData("public static void B(System.ReadOnlySpan<float> x, System.Span<float> y) { }", "B")]
    [InlineData("public static int B;", "B")]
    public void AUserMemberWithAGeneratedNameIsOneError(string member, string name)
    {
        var outcome = GeneratorHarness.Run($$"""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x * sigmoid(x)")]
                public static partial float B(float x);

                {{member}}
            }
            """);

        var errors = outcome.Diagnostics.Where(d => d.Id != "CS0102").ToArray();   // a field B is the compiler's own CS0102 too
        var diagnostic = Assert.Single(errors);
        Assert.Equal("AG0022", diagnostic.Id);
        var tree = outcome.Input.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(name, tree.GetText().ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void AnUnrelatedOverloadIsNoCollision()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x * sigmoid(x)")]
                public static partial float B(float x);

                public static float B(string text) => text.Length;
            }
            """);

        Assert.Empty(outcome.Diagnostics);
    }

    [Fact]
    public void ARepeatedDeclarationIsTheCompilersErrorAndNoCrash()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x")]
                public static partial float F(float x);

                [Activation("2 * x")]
                public static partial float F(float y);
            }
            """);

        Assert.DoesNotContain(outcome.Diagnostics, d => d.Id == "CS8785");
        Assert.Single(outcome.Sources);
        Assert.All(outcome.Diagnostics, d => Assert.Equal(GeneratorHarness.TestFile, d.Location.GetLineSpan().Path));
    }

    [Fact]
    public void UnsupportedTypeNamesTheTypeItFound()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x")]
                public static partial float F(float x, [Param] ref int count);
            }
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("AG0007", diagnostic.Id);
        Assert.Contains("'ref int'", diagnostic.GetMessage());
    }

    [Fact]
    public void TheUnusedParameterWarningPointsAtTheParameter()
    {
        var outcome = GeneratorHarness.Run("""
            using ActivationGen;

            public static partial class P
            {
                [Activation("x * 2")]
                public static partial float F(float x, [Param] float unused);
            }
            """);

        var diagnostic = Assert.Single(outcome.Diagnostics);
        Assert.Equal("AG0013", diagnostic.Id);
        var tree = outcome.Input.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal("unused", tree.GetText().ToString(diagnostic.Location.SourceSpan));
    }
}
