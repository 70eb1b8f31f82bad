using System;
using System.Diagnostics;
using System.Linq;
using ActivationGen.Layers;

namespace ActivationGen.Probe;

/// <summary>
/// The inlines the JIT declined for lack of room in the layers' fused loops: a dense layer's forward and backward per
/// catalog activation. The product's epilogue inlines the activation once for every register of the micro-kernel's
/// tile, so a large kernel can run the micro-kernel out of JIT locals, leaving vector operators as calls
/// (docs/cost-model.md, "Kernels at unit hyperparameters").
/// </summary>
internal static class LayerInlining
{
    private static readonly (string Name, Action Run)[] Layers =
    [
        ("Identity", Dense<Identity<float>>),
        ("Relu", Dense<Activations.ReluActivation>),
        ("Sigmoid", Dense<Activations.SigmoidActivation>),
        ("Tanh", Dense<Activations.TanhActivation>),
        ("Silu", Dense<Activations.SiluActivation>),
        ("Gelu", Dense<Activations.GeluActivation>),
        ("Mish", Dense<Activations.MishActivation>),
        ("Softplus", Dense<Activations.SoftplusActivation>),
        ("Elu", Dense<Activations.EluActivation>),
        ("Celu", Dense<Activations.CeluActivation>),
    ];

    /// <summary>
    /// Each layer in a process of its own (the same command with its name): the micro-kernel's method is generic over
    /// the epilogue, its name does not say which activation a failure came with, and the listener drains once.
    /// </summary>
    public static int Run(string? name)
    {
        if (name is not null)
            return RunOne(name);
        foreach (var (each, _) in Layers)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            foreach (string argument in Environment.GetCommandLineArgs()[..1].Concat(["layer-inlining", each]))
                start.ArgumentList.Add(argument);
            using var child = Process.Start(start)!;
            string output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            // The child's first line is the host line this process printed already.
            Console.Write(string.Concat(output.Split('\n').Skip(1).Where(l => l.Length > 0).Select(l => l + "\n")));
            if (child.ExitCode != 0)
                return child.ExitCode;
        }
        return 0;
    }

    private static int RunOne(string name)
    {
        var run = Layers.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Run;
        if (run is null)
        {
            Console.Error.WriteLine($"no layer {name}; one of {string.Join(", ", Layers.Select(l => l.Name))}");
            return 2;
        }
        using var listener = new InliningListener();
        run();
        if (!listener.Drain())
        {
            Console.WriteLine("ERROR the JIT's inlining events did not arrive");
            return 1;
        }
        var methods = listener.Failures
            .Where(f => f.Caller.StartsWith("ActivationGen.Layers.", StringComparison.Ordinal) && Inlining.BudgetReasons.Contains(f.Reason))
            .Where(f => !f.Caller.Contains("Vec1`", StringComparison.Ordinal))
            .GroupBy(f => $"{f.Caller["ActivationGen.Layers.".Length..]}.{f.CallerMethod}: {f.Reason}")
            .Select(g => $"{g.Key} ({g.Count()} inlines)")
            .ToList();
        Console.WriteLine(methods.Count == 0 ? $"ok   Dense<{name}>" : $"FAIL Dense<{name}>: {string.Join("; ", methods)}");
        return 0;
    }

    private static void Dense<TActivation>() where TActivation : struct, IUnaryActivation<float>
    {
        var random = new Random(1);
        var layer = new Dense<float, TActivation>(37, 19, random);
        var input = new Tensor<float>([.. Enumerable.Range(0, 5 * 37).Select(i => MathF.Sin(i))], 5, 37);
        layer.Forward(input);
        layer.Backward(new Tensor<float>([.. Enumerable.Repeat(0.1f, 5 * 19)], 5, 19));
    }
}
