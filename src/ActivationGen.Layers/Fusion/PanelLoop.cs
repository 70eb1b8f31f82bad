using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>What a layer does with one column of vectors of a finished panel of a product's results.</summary>
internal interface IPanelBody<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>
    /// Handles rows [<paramref name="row"/>, row + <paramref name="rows"/>) of columns [<paramref name="column"/>,
    /// column + TV.Count); the first row's results are at <paramref name="results"/>, the rows <paramref name="stride"/> apart.
    /// <paramref name="room"/> is room for the column's trainable vectors and an activation's inputs
    /// (<see cref="PanelRoom{TV}.Capacity"/>).
    /// </summary>
    void Run<TV>(ref T results, nint stride, int row, int rows, int column, Span<TV> room)
        where TV : struct, IVectorBits<TV, T>;
}

/// <summary>
/// Walks a panel that <see cref="IGemmEpilogue{T}.Finish"/> hands over, a column of vectors at a time at each width of
/// the cascade, so a body loads its per-column values (bias, trainables) once per column.
/// </summary>
internal static class PanelLoop
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<T, TBody>(in TBody body, ref T block, nint stride, int row, int rows, int column, int columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TBody : struct, IPanelBody<T>
    {
        var loop = new Columns<T, TBody>(body, ref block, stride, row, rows, column);
        VectorCascade.Run<T, Columns<T, TBody>>(ref loop, 0, columns);
    }

    private readonly ref struct Columns<T, TBody>(TBody body, ref T block, nint stride, int row, int rows, int column) : IVectorLoop<T>
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TBody : struct, IPanelBody<T>
    {
        private readonly ref T block = ref block;

        // Not inlined: inlined into the product's loops, an activation's kernel ran the JIT out of locals and left its
        // vector operators as calls (docs/cost-model.md, "The dense epilogue").
        [MethodImpl(MethodImplOptions.NoInlining)]
        public int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            // Here, not in the body: a buffer local to the inlined body is zeroed on every column (512 bytes at 512 bits).
            Unsafe.SkipInit(out PanelRoom<TV> room);
            for (; from + TV.Count <= to; from += TV.Count)
                body.Run<TV>(ref Unsafe.Add(ref block, from), stride, row, rows, column + from, room);
            return from;
        }
    }
}

/// <summary>Room for a panel body's trainable vectors, then its activation's inputs, on the stack.</summary>
[InlineArray(Capacity)]
internal struct PanelRoom<TV>
{
    /// <summary>Every trainable a layer's activation may have, and its inputs.</summary>
    public const int Capacity = TrainableVectors<TV>.Capacity + InputVectors<TV>.Capacity;

    private TV _element;
}
