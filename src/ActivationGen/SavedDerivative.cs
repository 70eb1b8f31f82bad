using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>
/// The backward of an activation whose forward kept its derivative: the generated <c>NameWithDerivative</c>
/// members write f(x) and ∂f/∂x in one pass, and a training step's backward is then dx = dy·∂f/∂x, one pass over
/// memory with nothing recomputed. This is the split libtorch makes for log-sigmoid (its forward saves a buffer
/// that its backward reads); here it serves every single-input activation.
/// </summary>
public static class SavedDerivative
{
    /// <summary>dx = dy·derivative elementwise; <paramref name="dx"/> may be the same span as either input. Splits over cores as the generated members do (<see cref="Parallelism"/>).</summary>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="derivative"/>'s, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void Backward(ReadOnlySpan<float> derivative, ReadOnlySpan<float> dy, Span<float> dx) => Multiply(derivative, dy, dx);

    /// <inheritdoc cref="Backward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>
    public static void Backward(ReadOnlySpan<double> derivative, ReadOnlySpan<double> dy, Span<double> dx) => Multiply(derivative, dy, dx);

    private static void Multiply<T>(ReadOnlySpan<T> derivative, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        Elementwise.CheckLength(derivative.Length, dy.Length, nameof(dy));
        Elementwise.CheckLength(derivative.Length, dx.Length, nameof(dx));
        Elementwise.CheckOverlap<T>(derivative, dx, nameof(dx));
        Elementwise.CheckOverlap<T>(dy, dx, nameof(dx));
        if (Parallelism.ShouldSplit(dx.Length))
        {
            var job = new MultiplyJob<T> { Derivative = derivative, Dy = dy, Dx = dx };
            Parallelism.Run(dx.Length, ref job);
            return;
        }
        Spans(derivative, dy, dx);
    }

    // As the generated dispatchers: a large output's aligned body is stored past the caches (NonTemporalStores).
    private static void Spans<T>(ReadOnlySpan<T> derivative, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        if (NonTemporalStores.TrySplit(dx, out int head, out int body))
        {
            Spans<T, CachedStore>(derivative.Slice(0, head), dy.Slice(0, head), dx.Slice(0, head));
            Spans<T, NonTemporalStore>(derivative.Slice(head, body), dy.Slice(head, body), dx.Slice(head, body));
            Spans<T, CachedStore>(derivative.Slice(head + body), dy.Slice(head + body), dx.Slice(head + body));
            NonTemporalStores.Fence();
            return;
        }
        Spans<T, CachedStore>(derivative, dy, dx);
    }

    private static void Spans<T, TStore>(ReadOnlySpan<T> derivative, ReadOnlySpan<T> dy, Span<T> dx)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TStore : struct, IVectorStore
    {
        if (Vec512<T>.IsHardwareAccelerated && dx.Length >= Vec512<T>.Count)
            Run<Vec512<T>, T, TStore>(derivative, dy, dx);
        else if (Vec256<T>.IsHardwareAccelerated && dx.Length >= Vec256<T>.Count)
            Run<Vec256<T>, T, TStore>(derivative, dy, dx);
        else if (Vec128<T>.IsHardwareAccelerated && dx.Length >= Vec128<T>.Count)
            Run<Vec128<T>, T, TStore>(derivative, dy, dx);
        else
            Run<Vec1<T>, T, TStore>(derivative, dy, dx);
    }

    // As the generated loops: the last vector overlaps the one before it, and is loaded before anything is written, so
    // that in place it still reads the original values.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Run<TV, T, TStore>(ReadOnlySpan<T> derivative, ReadOnlySpan<T> dy, Span<T> dx)
        where TV : struct, IVector<TV, T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TStore : struct, IVectorStore
    {
        if (dx.Length == 0)
            return;
        ref T derivativeRef = ref MemoryMarshal.GetReference(derivative);
        ref T dyRef = ref MemoryMarshal.GetReference(dy);
        ref T dxRef = ref MemoryMarshal.GetReference(dx);
        nuint width = (nuint)TV.Count;
        nuint last = (nuint)dx.Length - width;
        TV lastProduct = TV.LoadUnsafe(ref derivativeRef, last) * TV.LoadUnsafe(ref dyRef, last);
        for (nuint i = 0; i < last; i += width)
            TStore.Store(TV.LoadUnsafe(ref derivativeRef, i) * TV.LoadUnsafe(ref dyRef, i), ref dxRef, i);
        TStore.Store(lastProduct, ref dxRef, last);
    }

    /// <summary>The opt-in multi-core path (<see cref="Parallelism"/>), as every generated span member has it.</summary>
    private ref struct MultiplyJob<T> : IChunkedJob
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        public ReadOnlySpan<T> Derivative;
        public ReadOnlySpan<T> Dy;
        public Span<T> Dx;

        public void Run(int start, int length) => Spans(Derivative.Slice(start, length), Dy.Slice(start, length), Dx.Slice(start, length));
    }
}
