using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A convolution's activation, applied in the pass that moves the product's <c>[channels, batch·plane]</c> into
/// NCHW: one read of the pre-activation, one write of y (the product itself stays as the pre-activation backward needs).
/// </summary>
/// <remarks>
/// Measured on the digits net: the activation inside the product's epilogue ran at half the speed of this tight
/// loop (the register-tiled product leaves the kernel few registers), and the permutation is a pass anyway.
/// Not <c>PerChannel.ForwardPlanes</c>: that keeps the layout (y at x's index), this moves [channels, batch·plane]
/// to NCHW in the same pass, and takes a shared trainable (see <see cref="ActivationBackward"/>).
/// </remarks>
internal static class ActivationForward
{
    public static void PermutePlanes<T, TActivation>(
        in TActivation activation, ActivationTrainables<T, TActivation> trainables,
        T[] product, T[] output, int batch, int channels, int plane)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        var loop = new PlaneLoop<T, TActivation>(activation, trainables, product, output)
        {
            Batch = batch,
            Plane = plane,
            SampleStride = channels * plane,
        };
        // One channel's planes in one call per width: the planes are short (16 values in the digits net).
        for (int c = 0; c < channels; c++)
        {
            loop.Channel = c;
            loop.Source = c * batch * plane;
            loop.Target = c * plane;
            VectorCascade.Run<T, PlaneLoop<T, TActivation>>(ref loop, 0, plane);
        }
    }

    private struct PlaneLoop<T, TActivation>(
        TActivation activation, ActivationTrainables<T, TActivation> trainables, T[] product, T[] output)
        : IVectorLoop<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        public int Channel, Source, Target, Batch, Plane, SampleStride;

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
            int end = from;
            for (int n = 0; n < Batch; n++)
            {
                int source = Source + n * Plane, target = Target + n * SampleStride;
                for (end = from; end + TV.Count <= to; end += TV.Count)
                {
                    TV value = TV.LoadUnsafe(ref z, (nuint)(source + end));
                    TV.StoreUnsafe(activation.Forward(value, q), ref y, (nuint)(target + end));
                }
            }
            return end;
        }
    }
}
