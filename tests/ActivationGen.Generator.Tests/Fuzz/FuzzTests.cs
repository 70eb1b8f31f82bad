using Xunit.Abstractions;

namespace ActivationGen.Generator.Tests.Fuzz;

/// <summary>
/// Thousands of random, mutated and noisy formulas through the real generator driver: each ends with
/// generated code that compiles or with AG diagnostics; never an exception, a hang or generated code that
/// fails to compile. A longer run: <c>ACTIVATIONGEN_FUZZ_COUNT=100000 ACTIVATIONGEN_FUZZ_SEED=7 dotnet test
/// tests/ActivationGen.Generator.Tests --filter "FullyQualifiedName~Fuzz"</c>.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void EveryFormulaCompilesOrIsDiagnosed()
    {
        var run = FuzzRun.Shared.Value;
        output.WriteLine($"{run.Formulas} formulas in {run.Elapsed.TotalSeconds:F1} s ({run.ProcessorTime.TotalSeconds:F1} s of processor time): {run.Valid} valid, {run.Diagnosed} diagnosed");

        Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures.Take(20)));
        Assert.Equal(run.Formulas, run.Valid + run.Diagnosed);
        // The mix must exercise both outcomes substantially, or the fuzzer has gone stale.
        Assert.True(run.Valid >= run.Formulas / 5 && run.Diagnosed >= run.Formulas / 5, $"{run.Valid} valid, {run.Diagnosed} diagnosed");
    }
}

/// <summary>Every fuzzed double formula that compiles agrees with the double interpreter and with finite differences.</summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    [Fact]
    public void CompiledFormulasAgreeWithTheInterpreterAndFiniteDifferences()
    {
        var run = FuzzRun.Shared.Value;
        output.WriteLine($"{run.ComparedValues} values and {run.ComparedGradients} gradients compared; {run.NonFiniteChainPoints} points' gradients not, the chain rule meeting an ∞ or NaN there (1^NaN, c/∞, √0)");

        Assert.True(run.Disagreements.Count == 0, $"{run.Disagreements.Count} disagreements:\n" + string.Join("\n", run.Disagreements.Take(30)));
        Assert.True(run.ComparedValues > 1000 && run.ComparedGradients > 1000, $"{run.ComparedValues} values, {run.ComparedGradients} gradients");
    }
}
