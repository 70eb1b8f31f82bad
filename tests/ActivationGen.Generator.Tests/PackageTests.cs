using System.Diagnostics;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// A user adds one package and gets the attributes, the runtime and the generator: pack the real package,
/// build a fresh console project against it, and run it.
/// </summary>
public sealed class PackageTests
{
    /// <summary>
    /// Packs with a version no earlier run used, restores into a private package folder (so neither a stale
    /// copy in the global cache nor another run can shadow it), and builds the README's quick start verbatim.
    /// </summary>
    [Fact]
    public void APackedPackageRunsTheReadmeQuickStartInAFreshProject()
    {
        string root = RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("activationgen-package-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            string version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff") + Environment.ProcessId;
            Run(root, "dotnet", $"pack src/ActivationGen/ActivationGen.csproj -o \"{feed}\" -p:Version={version}");
            AssertPackageLayout(Path.Combine(feed, $"ActivationGen.{version}.nupkg"));
            Assert.True(File.Exists(Path.Combine(feed, $"ActivationGen.{version}.snupkg")), "no symbols package");

            string consumer = Path.Combine(work, "Consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                    <RestorePackagesPath>{{Path.Combine(work, "packages")}}</RestorePackagesPath>
                    <RestoreSources>{{feed}}</RestoreSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ActivationGen" Version="{{version}}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), QuickStart(root));

            string output = Run(consumer, "dotnet", "run");

            // y = f(2), slope = f'(2) at beta = 1; dBeta = Σ ∂f/∂beta over xs = (-2, 0, 3) with dy = 1.
            var values = output.Trim().Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            double[] expected =
            [
                2 * Sigmoid(2),
                Sigmoid(2) + 2 * Sigmoid(2) * (1 - Sigmoid(2)),
                new[] { -2.0, 0, 3 }.Sum(x => x * x * Sigmoid(x) * (1 - Sigmoid(x))),
            ];
            Assert.Equal(expected.Length, values.Length);
            for (int i = 0; i < values.Length; i++)
                Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-6, $"value {i}: {values[i]} vs {expected[i]}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The first C# block under "## Quick start" in README.md, exactly as a reader would paste it.</summary>
    private static string QuickStart(string root)
    {
        string readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n");
        int section = readme.IndexOf("\n## Quick start", StringComparison.Ordinal);
        Assert.True(section >= 0, "README.md has no Quick start section");
        int open = readme.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int close = readme.IndexOf("\n```", open, StringComparison.Ordinal);
        return readme.Substring(open, close - open + 1);
    }

    private static void AssertPackageLayout(string package)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var expected in new[]
        {
            "lib/net10.0/ActivationGen.dll",
            "lib/net10.0/ActivationGen.xml",
            "analyzers/dotnet/cs/ActivationGen.Generator.dll",
            "analyzers/dotnet/cs/ActivationGen.CodeFixes.dll",
            "README.md",
            "docs/diagnostics.md",
            "LICENSE",
            "AnalyzerReleases.Shipped.md",
            "AnalyzerReleases.Unshipped.md",
        })
            Assert.Contains(expected, entries);
    }

    private static string Run(string directory, string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The test host's MSBuild settings must not leak into the nested build.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(variable);
        // The quick start prints with the current culture; the check parses invariant numbers.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"{command} {arguments} timed out");
        Assert.True(process.ExitCode == 0, $"{command} {arguments} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
