using System;
using System.Diagnostics;
using System.Linq;
using ActivationGen.Layers;

namespace ActivationGen.Probe;

/// <summary>
/// The inlines the JIT declined for lack of room in the layers' fused loops: a dense layer's forward and backward per
/// catalog activation, and the sequence layers whose activation runs in a product's epilogue. What the epilogue inlines
/// once for every register of the micro-kernel's tile can run the micro-kernel out of JIT locals, leaving vector
/// operators as calls (docs/cost-model.md, "The dense epilogue").
/// </summary>
internal static class LayerInlining
{
    private static readonly (string Name, Action Run)[] Layers =
    [
        ("Dense<Identity>", Dense<Identity<float>>),
        ("Dense<Relu>", Dense<Activations.ReluActivation>),
        ("Dense<Sigmoid>", Dense<Activations.SigmoidActivation>),
        ("Dense<Tanh>", Dense<Activations.TanhActivation>),
        ("Dense<Silu>", Dense<Activations.SiluActivation>),
        ("Dense<Gelu>", Dense<Activations.GeluActivation>),
        ("Dense<Mish>", Dense<Activations.MishActivation>),
        ("Dense<Softplus>", Dense<Activations.SoftplusActivation>),
        ("Dense<Elu>", Dense<Activations.EluActivation>),
        ("Dense<Celu>", Dense<Activations.CeluActivation>),
        ("Glu<GaussianGate>", GatedLinearUnit<SequenceActivations.GaussianGateActivation>),
        ("Recurrent<Tanh>", () => Recurrent<Activations.TanhActivation>(RecurrentInput.None)),
        ("Recurrent<Gated>", () => Recurrent<SequenceActivations.GatedActivation>(RecurrentInput.PreviousState)),
        ("Recurrent<TimeDecayTanh>", () => Recurrent<SequenceActivations.TimeDecayTanhActivation>(RecurrentInput.Time)),
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
        (name, var run) = Layers.FirstOrDefault(l => l.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
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
        Console.WriteLine(methods.Count == 0 ? $"ok   {name}" : $"FAIL {name}: {string.Join("; ", methods)}");
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

    private static void GatedLinearUnit<TGate>() where TGate : struct, IBinaryActivation<float>
    {
        var layer = new GatedLinearUnit<float, TGate>(37, 19, new Random(1));
        var input = new Tensor<float>([.. Enumerable.Range(0, 5 * 37).Select(i => MathF.Sin(i))], 5, 37);
        layer.Forward(input);
        layer.Backward(new Tensor<float>([.. Enumerable.Repeat(0.1f, 5 * 19)], 5, 19));
    }

    private static void Recurrent<TActivation>(RecurrentInput second) where TActivation : struct, IActivation<float>
    {
        var layer = new RecurrentCell<float, TActivation>(7, 19, new Random(1), second);
        var input = new Tensor<float>([.. Enumerable.Range(0, 5 * 3 * 7).Select(i => MathF.Sin(i))], 5, 3, 7);
        layer.Forward(input);
        layer.Backward(new Tensor<float>([.. Enumerable.Repeat(0.1f, 5 * 3 * 19)], 5, 3, 19));
    }
}
