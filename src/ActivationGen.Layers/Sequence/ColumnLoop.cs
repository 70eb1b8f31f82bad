using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>Work on one vector of a row-major matrix: row <c>row</c>, columns [column, column + TV.Count).</summary>
internal interface IColumnKernel<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    void Apply<TV>(int row, int column)
        where TV : struct, IVectorBits<TV, T>;
}

/// <summary>
/// Runs a column kernel over every row of a matrix at the widest accelerated vector width, and over the last
/// columns one lane at a time. The tail never re-runs lanes (as the span members do), because these kernels
/// accumulate per-channel gradients, which must count every element once.
/// </summary>
internal static class ColumnLoop<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public static void Run<TKernel>(ref TKernel kernel, int rows, int columns)
        where TKernel : IColumnKernel<T>, allows ref struct
    {
        if (Vec512<T>.IsHardwareAccelerated && columns >= Vec512<T>.Count)
            Run<TKernel, Vec512<T>>(ref kernel, rows, columns);
        else if (Vec256<T>.IsHardwareAccelerated && columns >= Vec256<T>.Count)
            Run<TKernel, Vec256<T>>(ref kernel, rows, columns);
        else if (Vec128<T>.IsHardwareAccelerated && columns >= Vec128<T>.Count)
            Run<TKernel, Vec128<T>>(ref kernel, rows, columns);
        else
            Run<TKernel, Vec1<T>>(ref kernel, rows, columns);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Run<TKernel, TV>(ref TKernel kernel, int rows, int columns)
        where TKernel : IColumnKernel<T>, allows ref struct
        where TV : struct, IVectorBits<TV, T>
    {
        int fullColumns = columns - columns % TV.Count;
        for (int row = 0; row < rows; row++)
        {
            int column = 0;
            for (; column < fullColumns; column += TV.Count)
                kernel.Apply<TV>(row, column);
            for (; column < columns; column++)
                kernel.Apply<Vec1<T>>(row, column);
        }
    }
}

/// <summary>Room for the per-vector trainables or gradients of one activation call, without stackalloc (which needs unmanaged vector types).</summary>
[InlineArray(Capacity)]
internal struct VectorSlots<TV>
    where TV : struct
{
    /// <summary>More trainable parameters than any activation in the catalog declares; activations beyond it are rejected at construction.</summary>
    public const int Capacity = 4;

    private TV element;
}
