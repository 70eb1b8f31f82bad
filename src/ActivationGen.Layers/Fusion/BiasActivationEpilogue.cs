using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The product's epilogue of a dense layer: add the bias and keep the pre-activation while the tile is in registers,
/// then apply the activation to each finished panel of tiles while it is in cache. The bias and trainables belong to
/// the column (a unit, channels-last).
/// </summary>
/// <remarks>
/// The activation does not run in <see cref="Apply"/>: inlined there once per register of the tile, every
/// transcendental kernel ran the JIT out of locals, and SiLU, ELU and Softplus cost several times their span loops'
/// time (docs/cost-model.md, "The dense epilogue"). A convolution adds only its bias here
/// (<see cref="RowBiasEpilogue{T}"/>) and activates in the NCHW permutation (<see cref="ActivationForward"/>).
/// </remarks>
internal struct BiasActivationEpilogue<T, TActivation> : IGemmEpilogue<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IUnaryActivation<T>
{
    public TActivation Activation;
    public ActivationTrainables<T, TActivation> Trainables;
    public T[] Bias;
    /// <summary>Where to keep the pre-activation (same layout as the product), or null when it is not needed.</summary>
    public T[]? PreActivation;
    public int Columns;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly TV Apply<TV>(TV accumulator, int row, int column)
        where TV : struct, IVectorBits<TV, T>
    {
        TV z = accumulator + TV.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(Bias), (nuint)column);
        if (PreActivation is not null)
            TV.StoreUnsafe(z, ref MemoryMarshal.GetArrayDataReference(PreActivation), (nuint)(row * Columns + column));
        return z;
    }

    /// <inheritdoc/>
    public readonly void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
        => PanelLoop.Run(new Activate(Activation, Trainables), ref block, stride, row, rows, column, columns);

    /// <summary>y = f(z) in place, the column's trainables loaded once.</summary>
    private readonly struct Activate(TActivation activation, ActivationTrainables<T, TActivation> trainables) : IPanelBody<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TV>(ref T results, nint stride, int row, int rows, int column, Span<TV> room)
            where TV : struct, IVectorBits<TV, T>
        {
            Span<TV> q = room[..TActivation.TrainableCount];
            trainables.LoadLanes(q, column);
            for (int r = 0; r < rows; r++)
            {
                ref T at = ref Unsafe.Add(ref results, r * stride);
                TV.StoreUnsafe(activation.Forward(TV.LoadUnsafe(ref at, 0), q), ref at, 0);
            }
        }
    }
}
