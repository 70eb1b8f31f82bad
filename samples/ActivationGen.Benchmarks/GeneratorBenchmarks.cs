using System;
using System.IO;
using System.Linq;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ActivationGen.Benchmarks;

/// <summary>
/// The generator's own cost (issue 7, item 10), the numbers of docs/generator.md: a flat formula of 10,000
/// terms, 500 declarations in one compilation, and the re-run after an unrelated edit among those 500.
/// Each iteration runs a fresh driver (or the warm one, for the edit) over a prepared compilation, so only
/// the generator is timed, not parsing the user's code or compiling what it generates.
/// Each case is timed by the job of the command line (the wall clock) and by the benchmark thread's CPU time
/// (<see cref="ThreadCpuClock"/>), which on a shared machine leaves out the time the thread waits for a core:
/// the generator's own time, which the limits are about.
/// Run: <c>dotnet run -c Release --project samples/ActivationGen.Benchmarks -- --filter '*GeneratorBenchmarks*' --job short --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThreadCpuTime))]
public class GeneratorBenchmarks
{
    /// <summary>A short in-process job on the thread's CPU clock, beside the command line's.</summary>
    public sealed class ThreadCpuTime : ManualConfig
    {
        public ThreadCpuTime() => AddJob(Job.ShortRun.WithClock(ThreadCpuClock.Instance).WithToolchain(InProcessEmitToolchain.Instance).WithId("ThreadCpu"));
    }

    private static readonly CSharpParseOptions Options = new(LanguageVersion.Latest);

    private IIncrementalGenerator generator = null!;
    private CSharpCompilation wide = null!;
    private CSharpCompilation many = null!;
    private CSharpCompilation edited = null!;
    private GeneratorDriver warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        generator = LoadGenerator();
        wide = Compile("using ActivationGen;\npublic static partial class Wide\n{\n    [Activation(\""
            + string.Join(" + ", Enumerable.Range(1, 10_000).Select(i => $"{i}*sigmoid(x*{i})"))
            + "\")]\n    public static partial float F(float x);\n}\n");
        many = Compile("using ActivationGen;\npublic static partial class Many\n{\n" + string.Concat(Enumerable.Range(0, 500).Select(i =>
            $"    [Activation(\"x * sigmoid(beta * x) + {i} * tanh(x / {i + 1})\")]\n    public static partial float F{i}(float x, [Trainable] float beta);\n")) + "}\n");
        edited = many.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", Options));
        warm = Driver().RunGenerators(many);
    }

    [Benchmark(Description = "10,000-term formula")]
    public GeneratorDriver WideFormula() => Driver().RunGenerators(wide);

    [Benchmark(Description = "500 declarations")]
    public GeneratorDriver FiveHundredDeclarations() => Driver().RunGenerators(many);

    [Benchmark(Description = "unrelated edit, 500 declarations")]
    public GeneratorDriver UnrelatedEdit() => warm.RunGenerators(edited);

    private GeneratorDriver Driver() => CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: Options);

    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create(
        "Bench",
        [CSharpSyntaxTree.ParseText(source, Options)],
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(ActivationAttribute).Assembly.Location)),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

    /// <summary>The generator as the build uses it: the assembly the project reference built, loaded from its folder.</summary>
    private static IIncrementalGenerator LoadGenerator()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ActivationGen.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException("Run the benchmarks from a checkout: the generator is found next to ActivationGen.sln.");
        string bin = Path.Combine(directory.FullName, "generator", "ActivationGen.Generator", "bin");
        string path = new[] { "Release", "Debug" }.Select(c => Path.Combine(bin, c, "netstandard2.0", "ActivationGen.Generator.dll")).First(File.Exists);
        var type = Assembly.LoadFrom(path).GetType("ActivationGen.Generator.ActivationGenerator", throwOnError: true)!;
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }
}
