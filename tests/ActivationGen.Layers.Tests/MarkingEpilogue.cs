using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

/// <summary>
/// Adds row·1000 + column to every result in <see cref="Apply"/>, then triples it in <see cref="Finish"/> (run
/// before Apply, or on a partial sum, the result would differ); counts, per result, how often the product called
/// each; records any call whose lanes or block run past the last column.
/// </summary>
internal struct MarkingEpilogue<T> : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public readonly int[] Calls;
    public readonly int[] Finishes;
    public readonly int Columns;
    public int LanesPastTheEdge;

    public MarkingEpilogue(int rows, int columns)
    {
        Calls = new int[rows * columns];
        Finishes = new int[rows * columns];
        Columns = columns;
    }

    public static double Mark(int row, int column) => row * 1000 + column;

    /// <summary>What <see cref="Finish"/> multiplies every result by.</summary>
    public const double FinishFactor = 3;

    public TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int lane = 0; lane < TV.Count; lane++)
        {
            if (column + lane >= Columns)
                LanesPastTheEdge++;
            else
                Interlocked.Increment(ref Calls[row * Columns + column + lane]);
        }
        return accumulator + TV.Create(T.CreateChecked(Mark(row, column))) + TV.Indices;
    }

    public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
    {
        if (column + columns > Columns)
            LanesPastTheEdge += column + columns - Columns;
        for (int r = 0; r < rows; r++)
            for (int j = 0; j < Math.Min(columns, Columns - column); j++)
            {
                Interlocked.Increment(ref Finishes[(row + r) * Columns + column + j]);
                ref T result = ref Unsafe.Add(ref block, r * stride + j);
                result *= T.CreateChecked(FinishFactor);
            }
    }
}
