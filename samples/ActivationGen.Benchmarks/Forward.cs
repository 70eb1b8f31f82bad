using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

// One class per activation: the generated kernel, the scalar MathF loop, TensorPrimitives (the single call where
// one exists, otherwise the cheapest chain, as the baseline) and Span.CopyTo, side by side at each N.

public class SwishForward : ForwardBenchmark
{
    public override double Value(double x) => References.Swish(x);
    public override double Derivative(double x) => References.SwishDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.Swish(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SwishForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.SwishForward(X, Out);
}

public class GeluTanhForward : ForwardBenchmark
{
    public override double Value(double x) => References.GeluTanh(x);
    public override double Derivative(double x) => References.GeluTanhDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.GeluTanh(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.GeluTanhForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.GeluTanhForward(X, Out);
}

public class MishForward : ForwardBenchmark
{
    public override double Value(double x) => References.Mish(x);
    public override double Derivative(double x) => References.MishDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.Mish(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.MishForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.MishForward(X, Out);
    [Benchmark] public void TensorPrimitivesChainAlgebraic() => TensorChains.MishForwardAlgebraic(X, Out, T1);
}

public class SoftplusForward : ForwardBenchmark
{
    public override double Value(double x) => References.Softplus(x);
    public override double Derivative(double x) => References.SoftplusDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.Softplus(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SoftplusForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesChain() => TensorChains.SoftplusForward(X, Out);
    [Benchmark] public void TensorPrimitivesChainStable() => TensorChains.SoftplusForwardStable(X, Out, T1);
}

public class SigmoidForward : ForwardBenchmark
{
    public override double Value(double x) => References.Sigmoid(x);
    public override double Derivative(double x) => References.SigmoidDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.Sigmoid(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.SigmoidForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesCall() => TensorPrimitives.Sigmoid<float>(X, Out);
}

public class TanhForward : ForwardBenchmark
{
    public override double Value(double x) => References.Tanh(x);
    public override double Derivative(double x) => References.TanhDerivative(x);

    [Benchmark] public void Generated() => BenchActivations.Tanh(X, Out);
    [Benchmark] public void ScalarMathF() => ScalarLoops.TanhForward(X, Out);
    [Benchmark(Baseline = true)] public void TensorPrimitivesCall() => TensorPrimitives.Tanh<float>(X, Out);
}
