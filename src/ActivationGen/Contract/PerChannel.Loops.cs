using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen;

// The hot loops, shared by both layouts: `count` runs of `run` consecutive vectors, at `start`, `start + stride`, …
// (rows: runs of one vector, stride = channels; planes: a run per plane, stride = channels·plane). Each is its own small method, never inlined, so that the JIT spends its inlining
// budget on the activation's kernel: inlined into a larger loop it runs out partway through the kernel's math and
// leaves calls to the vector operators in the hot loop (measured: 20× slower). Locals are not zeroed on entry:
// the kernel's inlined temporaries make a large frame, and zeroing it per call cost more than a short plane's work.
[SkipLocalsInit]
public static partial class PerChannel
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ForwardVectors<TAct, T, TV>(TAct activation, ref readonly T x, ref T y, nuint start, nuint stride, int count, int run, ReadOnlySpan<TV> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        nuint width = (nuint)TV.Count, length = (nuint)run * width;
        for (int k = 0; k < count; k++, start += stride)
            for (nuint at = start; at < start + length; at += width)
                TV.StoreUnsafe(activation.Forward(TV.LoadUnsafe(in x, at), trainables), ref y, at);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BackwardVectors<TAct, T, TV>(TAct activation, ref readonly T x, ref readonly T dy, ref T dx, nuint start, nuint stride, int count, int run, ReadOnlySpan<TV> trainables)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        nuint width = (nuint)TV.Count, length = (nuint)run * width;
        for (int k = 0; k < count; k++, start += stride)
            for (nuint at = start; at < start + length; at += width)
                TV.StoreUnsafe(activation.Backward(TV.LoadUnsafe(in x, at), TV.LoadUnsafe(in dy, at), trainables, []), ref dx, at);
    }

    /// <summary>The backward that also adds each trainable's gradient into compensated (Kahan) lanes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BackwardVectorsSummed<TAct, T, TV>(TAct activation, ref readonly T x, ref readonly T dy, ref T dx, nuint start, nuint stride, int count, int run,
        ReadOnlySpan<TV> trainables, Span<TV> gradients, Span<TV> sums, Span<TV> compensations)
        where TAct : struct, IUnaryActivation<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TV : unmanaged, IVectorBits<TV, T>
    {
        nuint width = (nuint)TV.Count, length = (nuint)run * width;
        for (int k = 0; k < count; k++, start += stride)
        {
            for (nuint at = start; at < start + length; at += width)
            {
                TV.StoreUnsafe(activation.Backward(TV.LoadUnsafe(in x, at), TV.LoadUnsafe(in dy, at), trainables, gradients), ref dx, at);
                for (int j = 0; j < gradients.Length; j++)
                {
                    TV step = gradients[j] - compensations[j];
                    TV next = sums[j] + step;
                    compensations[j] = (next - sums[j]) - step;
                    sums[j] = next;
                }
            }
        }
    }
}
