using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers.Tests;

/// <summary>
/// Adds row·1000 + column to every result and counts, per result, how often the product called it; records any
/// call whose lanes run past the last column.
/// </summary>
internal struct MarkingEpilogue<T> : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    public readonly int[] Calls;
    public readonly int Columns;
    public int LanesPastTheEdge;

    public MarkingEpilogue(int rows, int columns)
    {
        Calls = new int[rows * columns];
        Columns = columns;
    }

    public static double Mark(int row, int column) => row * 1000 + column;

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
}
