using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// What a matrix product does to each block of results while they are still in registers (bias, activation,
/// keeping the pre-activation): the layer's own loop, fused into the product's epilogue.
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
}

/// <summary>The epilogue that stores the product as it is.</summary>
public readonly struct NoEpilogue<T> : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T> => accumulator;
}
