namespace ActivationGen.Tests.FromOutput;

public static partial class OutputDerivable
{
    [Activation("sigmoid(x)")]
    public static partial float Sigmoid(float x);

    [Activation("tanh(x)")]
    public static partial float Tanh(float x);

    [Activation("max(x, 0)")]
    public static partial float Relu(float x);

    [Activation("x > 0 ? x : slope * x")]
    public static partial float LeakyRelu(float x, [Param] float slope = 0.01f);

    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial float Elu(float x, [Param] float alpha = 1);

    [Activation("x <= lo ? lo : (x >= hi ? hi : x)")]
    public static partial float HardTanh(float x, [Param] float lo = -1, [Param] float hi = 1);

    [Activation("exp(x)")]
    public static partial double Exp(double x);
}

/// <summary>The backward from the output agrees with the backward from the input, kinks included.</summary>
public sealed class FromOutputTests
{
    private static readonly float[] Points = [.. Enumerable.Range(-400, 801).Select(i => i / 40f), -1f, 0f, 1f, -0f];

    public static TheoryData<string> Names => ["Sigmoid", "Tanh", "Relu", "LeakyRelu", "Elu", "HardTanh"];

    [Theory]
    [MemberData(nameof(Names))]
    public void AgreesWithTheBackwardFromTheInput(string name)
    {
        var (forward, backward, fromOutput) = Kernels(name);
        var x = Points;
        var dy = x.Select((_, i) => 1f - (i % 7) / 3.5f).ToArray();
        var y = new float[x.Length];
        var expected = new float[x.Length];
        var actual = new float[x.Length];

        forward(x, y);
        backward(x, dy, expected);
        fromOutput(y, dy, actual);

        for (int i = 0; i < x.Length; i++)
        {
            // From the output, precision follows y: where sigmoid or tanh saturate, y rounds towards ±1
            // and the derivative from y loses relative (not absolute) accuracy, as in PyTorch.
            float tolerance = 2e-6f * Math.Max(1, Math.Abs(dy[i]));
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{name} at x = {x[i]}: from input {expected[i]}, from output {actual[i]}");
        }
    }

    [Fact]
    public void KinksMatchTheInputBackward()
    {
        var dy = new float[] { 1, 1, 1 };
        var dx = new float[3];
        OutputDerivable.ReluBackwardFromOutput([0f, 0f, 2f], dy, dx);
        Assert.Equal([0f, 0f, 1f], dx);                                   // ReLU'(0) = 0
        OutputDerivable.HardTanhBackwardFromOutput([-1f, 1f, 0.5f], dy, dx);
        Assert.Equal([0f, 0f, 1f], dx);                                   // HardTanh' = 0 at ±1
        OutputDerivable.EluBackwardFromOutput([0f, -0.5f, 3f], dy, dx, 2f);
        Assert.Equal([2f, 1.5f, 1f], dx);                                 // ELU'(0) = alpha; y + alpha below 0
    }

    [Fact]
    public void DoubleDeclarationsGetItToo()
    {
        double[] x = [-3, 0, 2.5];
        var y = new double[3];
        var dx = new double[3];
        OutputDerivable.Exp(x, y);
        OutputDerivable.ExpBackwardFromOutput(y, [1, 1, 1], dx);
        Assert.Equal(x.Select(Math.Exp).ToArray(), dx, (a, b) => Math.Abs(a - b) <= 4e-16 * Math.Max(1, a));
    }

    private static (Action<float[], float[]>, Action<float[], float[], float[]>, Action<float[], float[], float[]>) Kernels(string name) => name switch
    {
        "Sigmoid" => ((x, y) => OutputDerivable.Sigmoid(x, y), (x, dy, dx) => OutputDerivable.SigmoidBackward(x, dy, dx), (y, dy, dx) => OutputDerivable.SigmoidBackwardFromOutput(y, dy, dx)),
        "Tanh" => ((x, y) => OutputDerivable.Tanh(x, y), (x, dy, dx) => OutputDerivable.TanhBackward(x, dy, dx), (y, dy, dx) => OutputDerivable.TanhBackwardFromOutput(y, dy, dx)),
        "Relu" => ((x, y) => OutputDerivable.Relu(x, y), (x, dy, dx) => OutputDerivable.ReluBackward(x, dy, dx), (y, dy, dx) => OutputDerivable.ReluBackwardFromOutput(y, dy, dx)),
        "LeakyRelu" => ((x, y) => OutputDerivable.LeakyRelu(x, y), (x, dy, dx) => OutputDerivable.LeakyReluBackward(x, dy, dx), (y, dy, dx) => OutputDerivable.LeakyReluBackwardFromOutput(y, dy, dx)),
        "Elu" => ((x, y) => OutputDerivable.Elu(x, y, 1.5f), (x, dy, dx) => OutputDerivable.EluBackward(x, dy, dx, 1.5f), (y, dy, dx) => OutputDerivable.EluBackwardFromOutput(y, dy, dx, 1.5f)),
        _ => ((x, y) => OutputDerivable.HardTanh(x, y), (x, dy, dx) => OutputDerivable.HardTanhBackward(x, dy, dx), (y, dy, dx) => OutputDerivable.HardTanhBackwardFromOutput(y, dy, dx)),
    };
}
