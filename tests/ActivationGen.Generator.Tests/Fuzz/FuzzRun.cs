using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Generator.Tests.Fuzz;

/// <summary>
/// Runs fuzzed formulas through the real generator driver in batches, compiles what it generates, loads it
/// in a collectible context and hands every valid double declaration to <see cref="Differential"/>. One run
/// per test process, shared by the fuzz and the differential tests. Count and seed come from
/// ACTIVATIONGEN_FUZZ_COUNT and ACTIVATIONGEN_FUZZ_SEED (defaults 5000 and 20261201).
/// </summary>
internal sealed partial class FuzzRun
{
    private const int BatchSize = 250;
    private static readonly TimeSpan BatchLimit = TimeSpan.FromSeconds(120);

    public static readonly Lazy<FuzzRun> Shared = new(() => new FuzzRun(
        int.TryParse(Environment.GetEnvironmentVariable("ACTIVATIONGEN_FUZZ_COUNT"), out int count) ? count : 5000,
        int.TryParse(Environment.GetEnvironmentVariable("ACTIVATIONGEN_FUZZ_SEED"), out int seed) ? seed : 20261201));

    /// <summary>Crashes, hangs, generated code that does not compile, declarations neither valid nor diagnosed.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Generated values or gradients that disagree with the interpreter or finite differences.</summary>
    public List<string> Disagreements { get; } = [];

    public int Formulas { get; }
    public int Valid { get; private set; }
    public int Diagnosed { get; private set; }
    public int ComparedValues { get; private set; }
    public int ComparedGradients { get; private set; }
    public int NonFiniteChainPoints { get; private set; }
    public TimeSpan Elapsed { get; }

    /// <summary>Processor time of the run: on a shared machine, a better measure of its cost than the wall clock.</summary>
    public TimeSpan ProcessorTime { get; }

    private FuzzRun(int count, int seed)
    {
        var clock = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var fuzzer = new FormulaFuzzer(seed, SeedFormulas());
        var formulas = Enumerable.Range(0, count).Select(_ => fuzzer.Next()).ToList();
        Formulas = count;
        for (int start = 0; start < count; start += BatchSize)
        {
            var batch = formulas.Skip(start).Take(BatchSize).ToList();
            var task = Task.Run(() => RunBatch(batch, seed + start));
            if (!task.Wait(BatchLimit))
                Failures.Add($"batch at {start} did not finish within {BatchLimit.TotalSeconds} s (seed {seed})");
        }
        Elapsed = clock.Elapsed;
        ProcessorTime = Process.GetCurrentProcess().TotalProcessorTime - processor;
    }

    private void RunBatch(List<string> formulas, int seed)
    {
        var compilation = GeneratorHarness.Compile(FuzzSource.Build(formulas));
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        lock (Failures)
        {
            foreach (var exception in result.Results.Select(r => r.Exception).OfType<Exception>())
                Failures.Add($"generator threw {exception.GetType().Name}: {exception.Message}");
            foreach (var crash in generatorDiagnostics.Where(d => d.Id == "CS8785"))
                Failures.Add(crash.GetMessage());
        }

        var agErrors = generatorDiagnostics
            .Where(d => d.Id.StartsWith("AG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error)
            .Select(d => FuzzSource.DeclarationAt(d.Location.GetLineSpan().StartLinePosition.Line))
            .ToHashSet();
        var sources = result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString());

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var generatedProblems = emitted.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath != GeneratorHarness.TestFile))
            .ToList();
        lock (Failures)
        {
            foreach (var problem in generatedProblems.Take(20))
                Failures.Add($"{problem}\n  formula: {FormulaOf(problem, formulas)}");
            for (int i = 0; i < formulas.Count; i++)
            {
                bool valid = sources.Values.Any(s => s.Contains($"file static class F{i}Kernels", StringComparison.Ordinal));
                if (valid == agErrors.Contains(i))
                    Failures.Add($"F{i} is {(valid ? "implemented despite an AG error" : "not implemented yet has no AG error")}: {formulas[i]}");
                if (valid)
                    Valid++;
                else
                    Diagnosed++;
            }
        }
        if (!emitted.Success)
            return;

        var context = new AssemblyLoadContext("fuzz", isCollectible: true);
        try
        {
            image.Position = 0;
            var calls = context.LoadFromStream(image).GetType("Calls")!;
            for (int i = 0; i < formulas.Count; i += 2)
            {
                if (agErrors.Contains(i) || !Differential.IsMeasurable(formulas[i]))
                    continue;
                var check = new Differential(formulas[i], calls, i, seed + i);
                check.Run();
                lock (Failures)
                {
                    Disagreements.AddRange(check.Disagreements);
                    ComparedValues += check.ComparedValues;
                    ComparedGradients += check.ComparedGradients;
                    NonFiniteChainPoints += check.NonFiniteChainPoints;
                }
            }
        }
        finally
        {
            context.Unload();
        }
    }

    private static string FormulaOf(Diagnostic problem, List<string> formulas)
    {
        var match = DeclarationName().Match(problem.Location.SourceTree?.FilePath ?? "");
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < formulas.Count ? formulas[i] : "?";
    }

    /// <summary>The catalog's formulas, read from its sources: realistic material for mutations.</summary>
    private static List<string> SeedFormulas([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        string catalog = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "src", "ActivationGen", "Catalog"));
        var formulas = Directory.GetFiles(catalog, "*.cs")
            .SelectMany(f => AttributeFormula().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToList();
        formulas.AddRange(["x * sigmoid(beta * x)", "x > 0 ? x : a * (exp(x) - 1)", "0.5 * x * (1 + tanh(0.79788 * (x + 0.044715 * x^3)))", "log(1 + exp(x))", "clamp(x, -1, 1) * b"]);
        return formulas;
    }

    [GeneratedRegex(@"\[Activation\(""((?:[^""\\]|\\.)*)""\)\]")]
    private static partial Regex AttributeFormula();

    [GeneratedRegex(@"\.F(\d+)\(")]
    private static partial Regex DeclarationName();
}
