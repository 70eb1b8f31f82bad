using System.Text.RegularExpressions;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// Which span loop each kernel gets: a kernel of a few vector instructions a plain loop and a second copy of
/// itself for the last vector (no per-vector flag in the hot loop); one that calls into the math library,
/// or is long, a single copy (two would run the JIT out of locals). ActivationGen.Tests checks that both
/// give the same values and sums (TailCountingTests, GeneratedKernelTests).
/// </summary>
public sealed partial class SpanLoopShapeTests
{
    [Theory]
    [InlineData("max(x, 0)", "float x", true)]
    [InlineData("x <= -3 ? 0 : (x >= 3 ? x : x * (x + 3) / 6)", "float x", true)]
    [InlineData("x > 0 ? scale * x : a * x", "float x, [Param] float scale = 1, [Trainable] float a = 0.25f", true)]
    [InlineData("abs(x) + sqrt(x * x + 1) - clamp(x, -1, 1) + sign(x)", "float x", true)]
    [InlineData("x * sigmoid(x)", "float x", false)]
    [InlineData("pow(x, p)", "float x, [Trainable] float p", false)]
    public void SmallKernelsGetAPlainLoop_OthersOneCopy(string formula, string parameters, bool small)
    {
        var loops = RunMethods().Matches(GeneratorHarness.SourceOf(formula, parameters));
        Assert.True(loops.Count >= 2, $"{loops.Count} span loops found");
        foreach (Match loop in loops)
        {
            // The backward of a small forward may itself be small or not (sigmoid's derivative calls the library): only the forward's shape is asserted exactly.
            if (!loop.Groups["kernel"].Value.StartsWith("Forward", StringComparison.Ordinal) && !small)
                continue;
            bool plain = loop.Value.Contains("; i < last; i += width", StringComparison.Ordinal);
            Assert.True(plain == small, $"Run{loop.Groups["kernel"].Value} of {formula}: expected {(small ? "a plain loop" : "one copy")}\n{loop.Value}");
            Assert.Equal(small, !loop.Value.Contains("bool isLast", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ALongChainOfCheapInstructionsKeepsOneCopy()
    {
        string formula = string.Join(" + ", Enumerable.Range(1, 40).Select(i => $"{i} * max(x, {i})"));
        string source = GeneratorHarness.SourceOf(formula, "float x");
        Assert.Contains("bool isLast", RunMethods().Match(source).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max(x, 0)", true, true)]
    [InlineData("tanh(x)", true, true)]
    [InlineData("x * erfc(-x / sqrt(2)) / 2", true, false)]
    [InlineData("abs(x) < 1 ? log1p(expm1(x)^2 / (2 * exp(x))) : abs(x) + softplus(-2 * abs(x)) - log(2)", false, false)]
    public void SmallKernelsRunTwoVectorsAtATime_WhereTheyFit(string formula, bool pairedAt512, bool pairedNarrower)
    {
        string forward = ForwardDispatch().Match(GeneratorHarness.SourceOf(formula, "float x")).Value;
        Assert.NotEmpty(forward);
        Assert.Equal(pairedAt512, forward.Contains("RunForward<global::ActivationGen.Simd.VecPair<global::ActivationGen.Simd.Vec512<float>, float>, TStore>", StringComparison.Ordinal));
        Assert.Equal(pairedNarrower, forward.Contains("RunForward<global::ActivationGen.Simd.VecPair<global::ActivationGen.Simd.Vec256<float>, float>, TStore>", StringComparison.Ordinal));
        Assert.Equal(pairedNarrower, forward.Contains("RunForward<global::ActivationGen.Simd.VecPair<global::ActivationGen.Simd.Vec128<float>, float>, TStore>", StringComparison.Ordinal));
        // A pair is tried before the single vector of its width, with the pair's length.
        if (pairedAt512)
            Assert.True(forward.IndexOf("VecPair<global::ActivationGen.Simd.Vec512<float>, float>.Count", StringComparison.Ordinal)
                < forward.IndexOf("Vec512<float>.Count)", StringComparison.Ordinal));
        // Every width keeps its single-vector loop, for spans shorter than a pair.
        foreach (string width in new[] { "Vec512", "Vec256", "Vec128", "Vec1" })
            Assert.Contains($"RunForward<global::ActivationGen.Simd.{width}<float>, TStore>", forward, StringComparison.Ordinal);
    }

    [Fact]
    public void DoubleKernelsRunOneVectorAtATime()
    {
        string source = GeneratorHarness.SourceOf("tanh(x)", "double x");
        Assert.Contains("RunForward<global::ActivationGen.Simd.Vec512<double>, TStore>", source, StringComparison.Ordinal);
        Assert.DoesNotContain("VecPair", source, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"private static void ForwardSpans<TStore>\(.*?\n        \}", RegexOptions.Singleline)]
    private static partial Regex ForwardDispatch();

    // A member ends at the blank line before the next one.
    [GeneratedRegex(@"public static void Run(?<kernel>\w+)<TV, TStore>\(.*?\n\n", RegexOptions.Singleline)]
    private static partial Regex RunMethods();
}
