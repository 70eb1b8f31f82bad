using System.Collections.Generic;
using System.Linq;
using ActivationGen.Generator.Pipeline;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// The fields of one stub: a span per input, dy, y = f(x) for the from-output backward, the forward's output and
/// one gradient per input, named after the declaration's own names so the hand-written comparison rows read
/// naturally (<c>x</c>, <c>dy</c>, <c>output</c>, <c>dx</c>), and clear of the stub's members.
/// </summary>
internal sealed class BenchmarkStubNames
{
    private static readonly string[] Members =
    [
        "Activation", "Sizes", "N", "Setup", "Check", "Scalar", "ScalarBackward", "Forward", "Backward",
        "BackwardWithTrainables", "BackwardFromOutput", "WithDerivative", "BackwardFromDerivative", "CopyTo", "ForwardInDouble",
        "BackwardInDouble", "BackwardWithTrainablesInDouble",
    ];

    public BenchmarkStubNames(BenchmarkStub stub)
    {
        Stub = stub;
        var fields = new NameScope(Members);
        Inputs = stub.Inputs.Select(fields.Take).ToArray();
        Parameters = stub.Parameters.Select(p => fields.Take(p.Name)).ToArray();
        IncomingGradient = fields.Take(stub.IncomingGradient);
        Output = fields.Take(stub.Output);
        ForwardOutput = fields.Take("output");
        InputGradients = stub.InputGradients.Select(fields.Take).ToArray();
        Derivative = fields.Take("derivative");
        Taken = Members.Concat(Inputs).Concat(Parameters).Concat([IncomingGradient, Output, ForwardOutput, Derivative]).Concat(InputGradients)
            .Concat(stub.TrainableGradients).ToArray();
    }

    public BenchmarkStub Stub { get; }

    public string[] Inputs { get; }

    public string[] Parameters { get; }

    public string IncomingGradient { get; }

    /// <summary>y = f(x), computed in [GlobalSetup]: the input of the from-output backward.</summary>
    public string Output { get; }

    /// <summary>Where the forward rows write.</summary>
    public string ForwardOutput { get; }

    public string[] InputGradients { get; }

    /// <summary>∂f/∂x kept by the forward with derivative (single-input activations): what the backward from it reads.</summary>
    public string Derivative { get; }

    private IEnumerable<string> Taken { get; }

    /// <summary>The inputs, dy, y (when the from-output backward reads it), the forward's output, the gradients and the kept derivative.</summary>
    public IEnumerable<string> Buffers() => Inputs.Append(IncomingGradient)
        .Concat(Stub.HasFromOutput ? [Output] : [])
        .Append(ForwardOutput)
        .Concat(InputGradients)
        .Concat(Stub.HasWithDerivative ? [Derivative] : []);

    /// <summary>A scope for one method's locals.</summary>
    public NameScope Locals() => new(Taken);

    public string T => ElementSyntax.Of(Stub.Element).Keyword;

    public string ParameterArguments => string.Join(", ", Parameters);

    public static string Join(params string[] parts) => Shape.Join(parts);
}
