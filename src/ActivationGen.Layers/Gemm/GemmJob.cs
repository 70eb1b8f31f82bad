using System;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A product split across threads: each chunk is the full product over a band of columns (or of rows, when
/// C is too narrow to split its columns), with its own packing buffers. Bands are whole tiles wide, so no
/// tile is shared and the result is bit-identical to the single-threaded one.
/// </summary>
internal ref struct GemmJob<T, TVector, TEpilogue> : IChunkedJob
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
    where TEpilogue : struct, IGemmEpilogue<T>
{
    // The worker pool hands out chunks of a length in elements; a unit of this many elements stands for one band.
    private const int ElementsPerUnit = 1 << 14;
    private const int MaximumUnits = 1 << 12;

    private readonly Operands<T> operands;
    private readonly ref TEpilogue epilogue;
    private readonly bool splitColumns;
    private readonly int bandWidth;

    private GemmJob(scoped in Operands<T> operands, ref TEpilogue epilogue)
    {
        this.operands = operands;
        this.epilogue = ref epilogue;
        int mr = Blocking<T, TVector>.Rows, nr = Blocking<T, TVector>.Columns;
        splitColumns = operands.N / nr >= operands.M / mr;
        int tile = splitColumns ? nr : mr;
        int extent = splitColumns ? operands.N : operands.M;
        int tiles = (extent + tile - 1) / tile;
        bandWidth = tile * ((tiles + MaximumUnits - 1) / MaximumUnits);
    }

    private readonly int Units => ((splitColumns ? operands.N : operands.M) + bandWidth - 1) / bandWidth;

    /// <summary>Runs the product on the worker pool when <see cref="Parallelism"/> asks for it and it has at least two bands, else on this thread.</summary>
    public static void Run(scoped in Operands<T> operands, ref TEpilogue epilogue)
    {
        long multiplyAdds = (long)operands.M * operands.N * operands.K;
        if (Parallelism.ShouldSplit((int)Math.Min(multiplyAdds, int.MaxValue)))
        {
            var job = new GemmJob<T, TVector, TEpilogue>(operands, ref epilogue);
            if (job.Units >= 2)
            {
                Parallelism.Run(job.Units * ElementsPerUnit, ref job);
                return;
            }
        }
        GemmDriver<T, TVector>.Run(operands, 0, operands.M, 0, operands.N, ref epilogue);
    }

    /// <inheritdoc/>
    public readonly void Run(int start, int length)
    {
        // Chunk boundaries map to band boundaries monotonically, so the bands of all chunks tile C exactly once.
        int first = start / ElementsPerUnit, last = (start + length) / ElementsPerUnit;
        if (first == last)
            return;
        int extent = splitColumns ? operands.N : operands.M;
        int from = first * bandWidth, to = Math.Min(extent, last * bandWidth);
        if (splitColumns)
            GemmDriver<T, TVector>.Run(operands, 0, operands.M, from, to, ref epilogue);
        else
            GemmDriver<T, TVector>.Run(operands, from, to, 0, operands.N, ref epilogue);
    }
}
