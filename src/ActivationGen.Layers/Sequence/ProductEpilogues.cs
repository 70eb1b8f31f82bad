using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>Adds a per-column bias to the product: X·Wᵀ + b in one pass.</summary>
internal readonly struct BiasEpilogue<T>(T[] bias) : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>
        => accumulator + TV.LoadUnsafe(ref bias[0], (nuint)column);

    /// <inheritdoc/>
    public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
    {
    }
}

/// <summary>Multiplies the product by a constant (the 1/√d of scaled dot-product attention).</summary>
internal readonly struct ScaleEpilogue<T>(T scale) : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>
        => accumulator * TV.Create(scale);

    /// <inheritdoc/>
    public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
    {
    }
}
