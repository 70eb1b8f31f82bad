using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>The product's epilogue of a convolution: the output channel's bias (a row of the product) added in registers.</summary>
internal readonly struct RowBiasEpilogue<T>(T[] bias) : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>
        => accumulator + TV.Create(bias[row]);

    /// <inheritdoc/>
    public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
    {
    }
}
