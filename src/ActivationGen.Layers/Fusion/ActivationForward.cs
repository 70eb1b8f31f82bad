using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A convolution's activation, applied in the pass that moves the product's <c>[channels, batch·plane]</c> into
/// NCHW: one read of the pre-activation, one write of y (and of the pre-activation when backward needs it).
/// </summary>
/// <remarks>
/// Measured on the digits net: the activation inside the product's epilogue ran at half the speed of this tight
/// loop (the register-tiled product leaves the kernel few registers), and the permutation is a pass anyway.
/// </remarks>
internal static class ActivationForward
{
    public static void PermutePlanes<T, TActivation>(
        in TActivation activation, ActivationTrainables<T, TActivation> trainables,
        T[] product, T[] output, T[]? preActivation, int batch, int channels, int plane)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        var loop = new PlaneLoop<T, TActivation>(activation, trainables, product, output, preActivation);
        for (int c = 0; c < channels; c++)
            for (int n = 0; n < batch; n++)
            {
                loop.Channel = c;
                loop.Source = (c * batch + n) * plane;
                loop.Target = (n * channels + c) * plane;
                VectorCascade.Run<T, PlaneLoop<T, TActivation>>(ref loop, 0, plane);
            }
    }

    private struct PlaneLoop<T, TActivation>(
        TActivation activation, ActivationTrainables<T, TActivation> trainables, T[] product, T[] output, T[]? preActivation)
        : IVectorLoop<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        public int Channel, Source, Target;

        // Not inlined: inlined into the caller's loop the JIT leaves the kernel's vector operators as calls (several times slower).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            Unsafe.SkipInit(out TrainableVectors<TV> values); // LoadBroadcast writes every element used
            Span<TV> q = ((Span<TV>)values)[..TActivation.TrainableCount];
            trainables.LoadBroadcast(q, Channel);
            ref T z = ref MemoryMarshal.GetArrayDataReference(product);
            ref T y = ref MemoryMarshal.GetArrayDataReference(output);
            for (; from + TV.Count <= to; from += TV.Count)
            {
                TV value = TV.LoadUnsafe(ref z, (nuint)(Source + from));
                if (preActivation is not null)
                    TV.StoreUnsafe(value, ref MemoryMarshal.GetArrayDataReference(preActivation), (nuint)(Target + from));
                TV.StoreUnsafe(activation.Forward(value, q), ref y, (nuint)(Target + from));
            }
            return from;
        }
    }
}
