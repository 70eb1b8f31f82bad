using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using ActivationGen;
using ActivationGen.Layers;
using ActivationGen.Training;

// dotnet run -c Release --project samples/ActivationGen.Training -- regression
// dotnet run -c Release --project samples/ActivationGen.Training -- digits [--epochs 30] [--activations relu,gelu] [--markdown table.md]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string command = args.Length > 0 ? args[0] : "digits";
var options = new Dictionary<string, string>();
for (int i = 1; i + 1 < args.Length; i += 2)
    options[args[i].TrimStart('-')] = args[i + 1];

switch (command)
{
    case "regression":
        RunRegression();
        return 0;
    case "digits":
        RunDigits(
            int.Parse(options.GetValueOrDefault("epochs", "30"), CultureInfo.InvariantCulture),
            options.GetValueOrDefault("activations", "relu,leakyrelu,gelu,swish,mish").Split(','),
            options.GetValueOrDefault("markdown"));
        return 0;
    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use 'regression' or 'digits [--epochs N] [--activations relu,leakyrelu,gelu,swish,mish] [--markdown file]'.");
        return 2;
}

static void RunRegression()
{
    Console.WriteLine("y = sin(x0) + cos(x1) from 10 features; hidden: alpha * x * sigmoid(beta * x), alpha and beta per unit");
    RegressionTraining.Result result = RegressionTraining.Run(progress: Console.WriteLine);
    Console.WriteLine($"train mse: first epoch {result.FirstLoss:F5}, last epoch {result.LastLoss:F5} ({result.FirstLoss / result.LastLoss:F1}× lower); test mse {result.TestLoss:F5}");
    Console.WriteLine($"mean |Δalpha| {result.MeanAlphaChange:F3}, mean |Δbeta| {result.MeanBetaChange:F3}");
    Console.WriteLine($"alpha: {string.Join(" ", result.Alpha.Take(8).Select(a => a.ToString("F2", CultureInfo.InvariantCulture)))} …");
    Console.WriteLine($"beta:  {string.Join(" ", result.Beta.Take(8).Select(b => b.ToString("F2", CultureInfo.InvariantCulture)))} …");
}

static void RunDigits(int epochs, string[] activations, string? markdownPath)
{
    DigitsDataset digits = DigitsDataset.Load(Path.Combine(AppContext.BaseDirectory, "data", "digits.csv.gz"));
    Console.WriteLine($"digits: {digits.Count} images, 80/20 split (seed {DigitsTraining.SplitSeed}), {epochs} epochs, batch 32, Adam 1e-3, one thread");
    var results = new List<DigitsTraining.Result>();
    foreach (string name in activations)
    {
        results.Add(name.Trim().ToLowerInvariant() switch
        {
            "relu" => DigitsTraining.Run<Activations.ReluActivation>(digits, epochs, progress: Console.WriteLine),
            "leakyrelu" => DigitsTraining.Run<Activations.LeakyReluActivation>(digits, epochs, progress: Console.WriteLine),
            "gelu" => DigitsTraining.Run<Activations.GeluActivation>(digits, epochs, progress: Console.WriteLine),
            "swish" or "silu" => DigitsTraining.Run<Activations.SiluActivation>(digits, epochs, progress: Console.WriteLine),
            "mish" => DigitsTraining.Run<Activations.MishActivation>(digits, epochs, progress: Console.WriteLine),
            string unknown => throw new ArgumentException($"Unknown activation '{unknown}'; use relu, leakyrelu, gelu, swish or mish."),
        });
    }
    string table = Table(results);
    Console.WriteLine();
    Console.WriteLine($"host: {Environment.ProcessorCount} logical cores, Vector512.IsHardwareAccelerated = {Vector512.IsHardwareAccelerated}, {Environment.Version}");
    Console.WriteLine(table);
    if (markdownPath is not null)
        File.WriteAllText(markdownPath, table);
}

static string Table(List<DigitsTraining.Result> results)
{
    var lines = new List<string> { "| activation | test accuracy | ms / epoch, wall (median) | ms / epoch, thread CPU (median) |", "| --- | ---: | ---: | ---: |" };
    lines.AddRange(results.Select(r => $"| {r.Activation} | {r.FinalAccuracy:P2} | {r.MillisecondsPerEpoch:F1} | {r.CpuMillisecondsPerEpoch:F1} |"));
    if (results.Count > 1)
        lines.Add($"| mean | {results.Average(r => r.FinalAccuracy):P2} | {results.Average(r => r.MillisecondsPerEpoch):F1} | {results.Average(r => r.CpuMillisecondsPerEpoch):F1} |");
    return string.Join(Environment.NewLine, lines);
}
