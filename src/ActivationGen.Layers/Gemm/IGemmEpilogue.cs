using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// What a matrix product does to its results as it finishes them: per vector while they are still in registers
/// (bias, keeping the pre-activation), then per block while the block is still in cache (an activation): the layer's
/// own loop, fused into the product.
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>
    /// Transforms the results of row <paramref name="row"/>, columns [<paramref name="column"/>, column + TV.Count)
    /// of the product; the returned vector is what the product stores. Every lane is a real column (the product
    /// runs narrower widths, down to one lane, at the right edge), so per-column arrays need no padding.
    /// </summary>
    TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>
    /// Runs over a block of C whose every result has gone through <see cref="Apply"/> and been stored: rows
    /// [<paramref name="row"/>, row + <paramref name="rows"/>), columns [<paramref name="column"/>, column +
    /// <paramref name="columns"/>), the first result at <paramref name="block"/>, rows <paramref name="stride"/>
    /// elements apart. Each result is in exactly one block, which the product has just written (a panel of tiles).
    /// </summary>
    /// <remarks>
    /// For work too large to inline once per register of the product's tile: an activation's kernel, inlined 16 times
    /// into the micro-kernel, runs the JIT out of locals and leaves its vector operations as calls (docs/cost-model.md).
    /// Here it is a loop of its own. An epilogue with nothing to do leaves the body empty, and the call inlines away.
    /// </remarks>
    void Finish(ref T block, nint stride, int row, int rows, int column, int columns);
}

/// <summary>The epilogue that stores the product as it is.</summary>
public readonly struct NoEpilogue<T> : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T> => accumulator;

    /// <inheritdoc/>
    public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
    {
    }
}
