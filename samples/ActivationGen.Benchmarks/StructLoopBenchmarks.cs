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

    [Params("Softplus", "Elu", "Celu")]
    public string Activation { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var random = new System.Random(1);
        for (int i = 0; i < N; i++)
        {
            x[i] = (float)(random.NextDouble() * 16 - 8);
            dy[i] = (float)(random.NextDouble() * 2 - 1);
        }
    }

    [Benchmark(Baseline = true)]
    public void SpanForward()
    {
        switch (Activation)
        {
            case "Softplus": Activations.Softplus(x, y); break;
            case "Elu": Activations.Elu(x, y); break;
            default: Activations.Celu(x, y); break;
        }
    }

    [Benchmark]
    public void StructForward()
    {
        switch (Activation)
        {
            case "Softplus": Forward(new Activations.SoftplusActivation()); break;
            case "Elu": Forward(new Activations.EluActivation()); break;
            default: Forward(new Activations.CeluActivation()); break;
        }
    }

    [Benchmark]
    public void SpanBackward()
    {
        switch (Activation)
        {
            case "Softplus": Activations.SoftplusBackward(x, dy, dx); break;
            case "Elu": Activations.EluBackward(x, dy, dx); break;
            default: Activations.CeluBackward(x, dy, dx); break;
        }
    }

    [Benchmark]
    public void StructBackward()
    {
        switch (Activation)
        {
            case "Softplus": Backward(new Activations.SoftplusActivation()); break;
            case "Elu": Backward(new Activations.EluActivation()); break;
            default: Backward(new Activations.CeluActivation()); break;
        }
    }

    private void Forward<TActivation>(in TActivation activation) where TActivation : struct, IUnaryActivation<float>
    {
        if (Vector512.IsHardwareAccelerated)
            Forward<TActivation, Vec512<float>>(activation);
        else
            Forward<TActivation, Vec256<float>>(activation);
    }

    private void Backward<TActivation>(in TActivation activation) where TActivation : struct, IUnaryActivation<float>
    {
        if (Vector512.IsHardwareAccelerated)
            Backward<TActivation, Vec512<float>>(activation);
        else
            Backward<TActivation, Vec256<float>>(activation);
    }

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
