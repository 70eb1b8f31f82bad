using System.Diagnostics;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// A user adds one package and gets the attributes, the runtime and the generator: pack the real package,
/// build a fresh console project against it, and run it.
/// </summary>
public sealed class PackageTests
{
    [Fact]
    public void APackedPackageGeneratesAndRunsInAConsumerProject()
    {
        string root = RepositoryRoot();
        string work = Directory.CreateTempSubdirectory("activationgen-package-").FullName;
        try
        {
            string feed = Path.Combine(work, "feed");
            string version = "0.0.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
            Run(root, "dotnet", $"pack src/ActivationGen/ActivationGen.csproj -o \"{feed}\" -p:Version={version}");
            Assert.True(File.Exists(Path.Combine(feed, $"ActivationGen.{version}.nupkg")));

            string consumer = Path.Combine(work, "Consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $$"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{{Path.Combine(work, "packages")}}</RestorePackagesPath>
                    <RestoreSources>{{feed}}</RestoreSources>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="ActivationGen" Version="{{version}}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
                using System.Linq;
                using ActivationGen;

                float[] x = [-2f, 0f, 3f];
                var y = new float[3];
                var dx = new float[3];
                Mine.Swish(x, y, 1f);
                Mine.SwishBackward(x, [1f, 1f, 1f], dx, 1f, out float dBeta);
                System.Console.WriteLine(string.Join(" ", y.Concat(dx).Append(dBeta).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

                static partial class Mine
                {
                    [Activation("x * sigmoid(beta * x)")]
                    public static partial float Swish(float x, [Trainable] float beta);
                }
                """);

            string output = Run(consumer, "dotnet", "run");

            var values = output.Trim().Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            double[] x = [-2, 0, 3];
            double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
            var expected = x.Select(v => v * Sigmoid(v))
                .Concat(x.Select(v => Sigmoid(v) + v * Sigmoid(v) * (1 - Sigmoid(v))))
                .Append(x.Sum(v => v * v * Sigmoid(v) * (1 - Sigmoid(v))))
                .ToArray();
            Assert.Equal(expected.Length, values.Length);
            for (int i = 0; i < values.Length; i++)
                Assert.True(Math.Abs(values[i] - expected[i]) <= 1e-6, $"value {i}: {values[i]} vs {expected[i]}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
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
