// The comparison rows of the generated stubs: one line per TensorPrimitives call or chain, in the partial class
// the generator emits for that activation (ActivationGen.Benchmarks.Generated.<declaring type>.<Name>Benchmarks).
// A row reads the stub's fields: the inputs by their parameter names (x, gate), dy, y = f(x), and writes `output`
// (forward rows) or the input gradients (dx, dGate). Adding a comparison is adding a line here; the generated
// rows, the baseline and CopyTo come from the generator. Rows are named TensorPrimitivesForward…, …Backward…,
// …FromOutput…, which is how the report finds them.
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks.Generated.Activations
{
    using ActivationGen.Benchmarks;

    public partial class SigmoidBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorPrimitives.Sigmoid<float>(x, output); }
    public partial class SigmoidBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.SigmoidBackward(x, dy, dx); }
    public partial class SigmoidBenchmarks { [Benchmark] public void TensorPrimitivesFromOutput() => TensorChains.SigmoidBackwardFromOutput(y, dy, dx); }
    public partial class TanhBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorPrimitives.Tanh<float>(x, output); }
    public partial class TanhBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.TanhBackward(x, dy, dx); }
    public partial class TanhBenchmarks { [Benchmark] public void TensorPrimitivesFromOutput() => TensorChains.TanhBackwardFromOutput(y, dy, dx); }
    public partial class SiluBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.SwishForward(x, output); }
    public partial class SiluBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.SwishBackward(x, dy, dx); }
    public partial class SwishBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.SwishForward(x, output); }
    public partial class GeluTanhBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.GeluTanhForward(x, output); }
    public partial class GeluTanhBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.GeluTanhBackward(x, dy, dx); }
    public partial class MishBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.MishForward(x, output); }
    public partial class MishBenchmarks { [Benchmark] public void TensorPrimitivesForwardAlgebraic() => TensorChains.MishForwardAlgebraic(x, output); }
    public partial class MishBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.MishBackward(x, dy, dx); }
    public partial class SoftplusBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.SoftplusForward(x, output); }
    public partial class SoftplusBenchmarks { [Benchmark] public void TensorPrimitivesForwardStable() => TensorChains.SoftplusForwardStable(x, output); }
    public partial class SoftplusBenchmarks { [Benchmark] public void TensorPrimitivesBackward() => TensorChains.SoftplusBackward(x, dy, dx); }
    public partial class ReluBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorPrimitives.Max(x, 0f, output); }
    public partial class Relu6Benchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.Relu6Forward(x, output); }
    public partial class LeakyReluBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.LeakyReluForward(x, output, slope); }
    public partial class HardTanhBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.ClampForward(x, output, min, max); }
    public partial class HardSigmoidBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.HardSigmoidForward(x, output); }
    public partial class SoftsignBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.SoftsignForward(x, output); }
    public partial class LogSigmoidBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.LogSigmoidForward(x, output); }
    public partial class ScaledTanhBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.ScaledTanhForward(x, output); }
    public partial class TanhShrinkBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.TanhShrinkForward(x, output); }
    public partial class LishtBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.LishtForward(x, output); }
}

namespace ActivationGen.Benchmarks.Generated.BenchActivations
{
    using ActivationGen.Benchmarks;

    public partial class GatedTanhBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.GatedTanhForward(x, gate, output); }
    public partial class SwishDoubleBenchmarks { [Benchmark] public void TensorPrimitivesForward() => TensorChains.SwishForward(x, output); }
}
