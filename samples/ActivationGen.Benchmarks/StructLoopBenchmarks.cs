using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using ActivationGen.Simd;
using BenchmarkDotNet.Attributes;

namespace ActivationGen.Benchmarks;

/// <summary>
/// An activation as a layer runs it, one vector at a time through its struct (the loop of a fused epilogue), beside
/// the span call over the same 4096 elements (in L1), for the catalog entries whose span calls take a cheaper kernel
/// at their declared unit hyperparameters (the structs run the full kernels: docs/cost-model.md says why):
/// <c>dotnet bin/Release/net10.0/ActivationGen.Benchmarks.dll short --filter '*StructLoopBenchmarks*'</c>.
/// </summary>
public class StructLoopBenchmarks
{
    private const int N = 4096;
    private readonly float[] x = new float[N], y = new float[N], dy = new float[N], dx = new float[N];
    private Action spanForward = null!, spanBackward = null!, structForward = null!, structBackward = null!;

    [Params("Softplus", "Elu", "Celu")]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < N; i++)
        {
            x[i] = (float)(random.NextDouble() * 16 - 8);
            dy[i] = (float)(random.NextDouble() * 2 - 1);
        }
        (spanForward, spanBackward) = Activation switch
        {
            "Softplus" => (() => Activations.Softplus(x, y), () => Activations.SoftplusBackward(x, dy, dx)),
            "Elu" => (() => Activations.Elu(x, y), () => Activations.EluBackward(x, dy, dx)),
            _ => ((Action)(() => Activations.Celu(x, y)), (Action)(() => Activations.CeluBackward(x, dy, dx))),
        };
        (structForward, structBackward) = Activation switch
        {
            "Softplus" => Struct(new Activations.SoftplusActivation()),
            "Elu" => Struct(new Activations.EluActivation()),
            _ => Struct(new Activations.CeluActivation()),
        };
    }

    [Benchmark(Baseline = true)]
    public void SpanForward() => spanForward();

    [Benchmark]
    public void StructForward() => structForward();

    [Benchmark]
    public void SpanBackward() => spanBackward();

    [Benchmark]
    public void StructBackward() => structBackward();

    /// <summary>The struct's loops at the host's widest accelerated width, as the layers' cascade starts.</summary>
    private (Action Forward, Action Backward) Struct<TActivation>(TActivation activation) where TActivation : struct, IUnaryActivation<float> =>
        Vector512.IsHardwareAccelerated
            ? (() => Forward<TActivation, Vec512<float>>(activation), () => Backward<TActivation, Vec512<float>>(activation))
            : (() => Forward<TActivation, Vec256<float>>(activation), () => Backward<TActivation, Vec256<float>>(activation));

    // Not inlined, as a layer's loops are not: inlined into a caller the JIT can leave the vector operators as calls.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Forward<TActivation, TV>(in TActivation activation)
        where TActivation : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        ref float input = ref MemoryMarshal.GetArrayDataReference(x), output = ref MemoryMarshal.GetArrayDataReference(y);
        for (int i = 0; i <= N - TV.Count; i += TV.Count)
            TV.StoreUnsafe(activation.Forward(TV.LoadUnsafe(ref input, (nuint)i), []), ref output, (nuint)i);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Backward<TActivation, TV>(in TActivation activation)
        where TActivation : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        ref float input = ref MemoryMarshal.GetArrayDataReference(x), gradient = ref MemoryMarshal.GetArrayDataReference(dy);
        ref float output = ref MemoryMarshal.GetArrayDataReference(dx);
        for (int i = 0; i <= N - TV.Count; i += TV.Count)
            TV.StoreUnsafe(activation.Backward(TV.LoadUnsafe(ref input, (nuint)i), TV.LoadUnsafe(ref gradient, (nuint)i), [], []), ref output, (nuint)i);
    }
}
