using System.Diagnostics;

namespace ActivationGen.Demo.Tests;

/// <summary>The tour's command line, run as a user runs it: a scene sub-command, --out, --quick, explain.</summary>
public sealed class CommandLineTests
{
    private static (int Exit, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ActivationGen.Demo.dll"));
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the tour did not finish in a minute");
        return (process.ExitCode, output);
    }

    [Fact]
    public void A_scene_sub_command_runs_that_scene_alone_into_the_given_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "activationgen-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, output) = Run("relu", "--quick", "--out", folder);
            Assert.Equal(0, exit);
            Assert.Contains("== relu:", output);
            Assert.DoesNotContain("== sigmoid:", output);
            Assert.True(File.Exists(Path.Combine(folder, "report.md")));
            Assert.True(File.Exists(Path.Combine(folder, "relu-forward-backward.png")));
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Explain_takes_repeated_param_and_trainable_options_and_fails_on_a_bad_formula()
    {
        var (exit, output) = Run("explain", "alpha * x * sigmoid(beta * x) + gamma", "--param", "gamma", "--trainable", "alpha", "--trainable", "beta");
        Assert.Equal(0, exit);
        Assert.Contains("declared:   float Explained(float x, [Param] float gamma, [Trainable] float alpha, [Trainable] float beta)", output);
        Assert.Contains("d/dalpha:", output);
        Assert.Contains("d/dbeta:", output);

        var (badExit, badOutput) = Run("explain", "x +");
        Assert.Equal(1, badExit);
        Assert.Contains("error AG0001", badOutput);
    }
}
