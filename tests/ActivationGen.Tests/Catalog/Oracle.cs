using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ActivationGen.Tests.Catalog;

/// <summary>One function of the PyTorch oracle: float64 autograd values and gradients on a grid with the kinks.</summary>
internal sealed record OracleFunction(string Name, IReadOnlyDictionary<string, double> Params, string PyTorch, double[] X, double[] Y, double[] Dydx)
{
    public string Label => Params.Count == 0 ? Name : $"{Name}({string.Join(", ", Params.Select(p => $"{p.Key}={p.Value}"))})";

    public override string ToString() => Label;
}

/// <summary>Reads TestData/pytorch-activations.json (a copy of ../shared/oracles/pytorch-activations.json).</summary>
internal static class Oracle
{
    private static readonly Lazy<OracleFunction[]> functions = new(Load);

    public static IReadOnlyList<OracleFunction> Functions => functions.Value;

    public static IEnumerable<object[]> Labels() => Functions.Select(f => new object[] { f.Label });

    public static OracleFunction Get(string label) => Functions.Single(f => f.Label == label);

    private static OracleFunction[] Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "TestData", "pytorch-activations.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("functions").EnumerateArray().Select(f => new OracleFunction(
            f.GetProperty("name").GetString()!,
            f.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
            f.GetProperty("pytorch").GetString()!,
            Doubles(f.GetProperty("x")),
            Doubles(f.GetProperty("y")),
            Doubles(f.GetProperty("dydx")))).ToArray();
    }

    private static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();
}
