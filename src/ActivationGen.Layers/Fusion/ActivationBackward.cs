using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The activation's backward pass over a layer's kept values: ∂loss/∂pre-activation from ∂loss/∂output, with the
/// trainables' gradients reduced in the same pass. <c>kept</c> is the output y when the layer could keep only y
/// (<see cref="KeepsOutput{T, TActivation}"/>), otherwise the pre-activation.
/// </summary>
/// <remarks>
/// These loops overlap the runtime's <c>PerChannel.BackwardRows</c>/<c>BackwardPlanes</c> but are kept, because
/// the layers need three things PerChannel does not do: the backward from the kept output y
/// (<c>BackwardFromOutput</c>, so a ReLU-family layer keeps no pre-activation), a trainable shared by the whole
/// layer (<see cref="TrainableSharing.Shared"/>: PerChannel wants TrainableCount × C values), and one named
/// <see cref="Parameter{T}"/> per trainable rather than one span of TrainableCount × C. Moving onto PerChannel
/// means adding those as PerChannel overloads (and measuring its compensated sums against the plain ones here on
/// the digits net); that was not done in the clean-up pass that wrote this note.
/// </remarks>
internal static class ActivationBackward
{
    /// <summary>True when y alone suffices: the activation has a backward from its output and no trainables needing x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool KeepsOutput<T, TActivation>()
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
        => TActivation.HasBackwardFromOutput && TActivation.TrainableCount == 0;

    /// <summary>Channels-last: <paramref name="rows"/> rows of <paramref name="channels"/> values, channel = column.</summary>
    public static void Rows<T, TActivation>(
        in TActivation activation, ActivationTrainables<T, TActivation> trainables,
        T[] kept, T[] outputGradient, T[] preActivationGradient, int rows, int channels)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        // Every row in one call per width: a call per row and width cost about as much as the activation (64 units).
        var loop = new RowLoop<T, TActivation>(activation, trainables, kept, outputGradient, preActivationGradient)
        {
            Rows = rows,
            Channels = channels,
        };
        VectorCascade.Run<T, RowLoop<T, TActivation>>(ref loop, 0, channels);
    }

    /// <summary>
    /// Channels-first: [<paramref name="batch"/>, <paramref name="channels"/>, <paramref name="plane"/>] (NCHW with
    /// plane = H·W; batch 1 for a product's [channels, positions]). One channel's planes run in one call per width,
    /// so short planes (16 values in the digits net) cost no more calls than long ones.
    /// </summary>
    public static void Planes<T, TActivation>(
        in TActivation activation, ActivationTrainables<T, TActivation> trainables,
        T[] kept, T[] outputGradient, T[] preActivationGradient, int batch, int channels, int plane)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        var loop = new PlaneLoop<T, TActivation>(activation, trainables, kept, outputGradient, preActivationGradient)
        {
            Batch = batch,
            SampleStride = channels * plane,
        };
        for (int c = 0; c < channels; c++)
        {
            loop.Channel = c;
            loop.PlaneStart = c * plane;
            VectorCascade.Run<T, PlaneLoop<T, TActivation>>(ref loop, 0, plane);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Step<T, TActivation, TV>(in TActivation activation, TV kept, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
        where TV : struct, IVectorBits<TV, T>
        => KeepsOutput<T, TActivation>()
            ? activation.BackwardFromOutput(kept, dy, trainables)
            : activation.Backward(kept, dy, trainables, trainableGradients);

    private struct RowLoop<T, TActivation>(
        TActivation activation, ActivationTrainables<T, TActivation> trainables, T[] kept, T[] outputGradient, T[] preActivationGradient)
        : IVectorLoop<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        public int Rows, Channels;

        // Not inlined: inlined into the caller's loop the JIT leaves the kernel's vector operators as calls (several times slower).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            Unsafe.SkipInit(out TrainableVectors<TV> values); // every element used is written before it is read
            Unsafe.SkipInit(out TrainableVectors<TV> gradients);
            Span<TV> q = ((Span<TV>)values)[..TActivation.TrainableCount];
            Span<TV> dq = ((Span<TV>)gradients)[..TActivation.TrainableCount];
            ref T x = ref MemoryMarshal.GetArrayDataReference(kept);
            ref T dy = ref MemoryMarshal.GetArrayDataReference(outputGradient);
            ref T dz = ref MemoryMarshal.GetArrayDataReference(preActivationGradient);
            int end = from;
            for (int row = 0; row < Rows; row++)
            {
                int start = row * Channels;
                for (end = from; end + TV.Count <= to; end += TV.Count)
                {
                    nuint i = (nuint)(start + end);
                    trainables.LoadLanes(q, end);
                    TV.StoreUnsafe(Step<T, TActivation, TV>(activation, TV.LoadUnsafe(ref x, i), TV.LoadUnsafe(ref dy, i), q, dq), ref dz, i);
                    trainables.AddLanes<TV>(dq, end);
                }
            }
            return end;
        }
    }

    private struct PlaneLoop<T, TActivation>(
        TActivation activation, ActivationTrainables<T, TActivation> trainables, T[] kept, T[] outputGradient, T[] preActivationGradient)
        : IVectorLoop<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TActivation : struct, IUnaryActivation<T>
    {
        public int PlaneStart, Channel, Batch, SampleStride;

        // Not inlined: inlined into the caller's loop the JIT leaves the kernel's vector operators as calls (several times slower).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            Unsafe.SkipInit(out TrainableVectors<TV> values); // every element used is written before it is read
            Unsafe.SkipInit(out TrainableVectors<TV> gradients);
            TrainableVectors<TV> sums = default;
            Span<TV> q = ((Span<TV>)values)[..TActivation.TrainableCount];
            Span<TV> dq = ((Span<TV>)gradients)[..TActivation.TrainableCount];
            Span<TV> total = ((Span<TV>)sums)[..TActivation.TrainableCount];
            trainables.LoadBroadcast(q, Channel);
            ref T x = ref MemoryMarshal.GetArrayDataReference(kept);
            ref T dy = ref MemoryMarshal.GetArrayDataReference(outputGradient);
            ref T dz = ref MemoryMarshal.GetArrayDataReference(preActivationGradient);
            int end = from;
            for (int n = 0; n < Batch; n++)
            {
                int start = PlaneStart + n * SampleStride;
                for (end = from; end + TV.Count <= to; end += TV.Count)
                {
                    nuint i = (nuint)(start + end);
                    TV.StoreUnsafe(Step<T, TActivation, TV>(activation, TV.LoadUnsafe(ref x, i), TV.LoadUnsafe(ref dy, i), q, dq), ref dz, i);
                    for (int j = 0; j < dq.Length; j++)
                        total[j] += dq[j];
                }
            }
            trainables.AddSums<TV>(total, Channel);
            return end;
        }
    }
}
