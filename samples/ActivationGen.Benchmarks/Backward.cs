using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

// One class per activation: dx = dy·f′(x) from the generated NameBackward, the scalar MathF loop, the cheapest
// TensorPrimitives chain (baseline) and Span.CopyTo. Sigmoid and tanh also time the from-output forms.

public class SwishBackward : BackwardBenchmark
{
    public override double Value(double x) => References.Swish(x);
    public override double Derivative(double x) => References.SwishDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.SwishBackward(X, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SwishBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.SwishBackward(X, Dy, Out, T1);
}

public class GeluTanhBackward : BackwardBenchmark
{
    public override double Value(double x) => References.GeluTanh(x);
    public override double Derivative(double x) => References.GeluTanhDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.GeluTanhBackward(X, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.GeluTanhBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.GeluTanhBackward(X, Dy, Out, T1, T2);
}

public class MishBackward : BackwardBenchmark
{
    public override double Value(double x) => References.Mish(x);
    public override double Derivative(double x) => References.MishDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.MishBackward(X, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.MishBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.MishBackward(X, Dy, Out, T1, T2);
}

public class SoftplusBackward : BackwardBenchmark
{
    public override double Value(double x) => References.Softplus(x);
    public override double Derivative(double x) => References.SoftplusDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.SoftplusBackward(X, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SoftplusBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.SoftplusBackward(X, Dy, Out);
}

public class SigmoidBackward : BackwardBenchmark
{
    protected override bool UsesOutput => true;
    public override double Value(double x) => References.Sigmoid(x);
    public override double Derivative(double x) => References.SigmoidDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.SigmoidBackward(X, Dy, Out);
    [Benchmark] public void GeneratedFromOutput() => BenchActivations.SigmoidBackwardFromOutput(Y, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SigmoidBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.SigmoidBackward(X, Dy, Out, T1);
    [Benchmark] public void TensorPrimitivesChainFromOutput() => TensorChains.SigmoidBackwardFromOutput(Y, Dy, Out);
}

public class TanhBackward : BackwardBenchmark
{
    protected override bool UsesOutput => true;
    public override double Value(double x) => References.Tanh(x);
    public override double Derivative(double x) => References.TanhDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.TanhBackward(X, Dy, Out);
    [Benchmark] public void GeneratedFromOutput() => BenchActivations.TanhBackwardFromOutput(Y, Dy, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.TanhBackward(X, Dy, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.TanhBackward(X, Dy, Out, T1);
    [Benchmark] public void TensorPrimitivesChainFromOutput() => TensorChains.TanhBackwardFromOutput(Y, Dy, Out);
}
