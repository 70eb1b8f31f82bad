using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The product's epilogue of a dense layer: add the bias, keep the pre-activation when backward will need it, apply
/// the activation — all while the tile is in registers. The bias and trainables belong to the column (a unit,
/// channels-last).
/// </summary>
/// <remarks>
/// A convolution adds only its bias here (<see cref="RowBiasEpilogue{T}"/>) and activates in the NCHW permutation
/// (<see cref="ActivationForward"/>), measured faster than activating inside the register-tiled product.
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
        // Not zeroed: LoadLanes writes every element used, and zeroing 8 vectors per call would cost more than the bias.
        Unsafe.SkipInit(out TrainableVectors<TV> values);
        Span<TV> trainables = ((Span<TV>)values)[..TActivation.TrainableCount];
        TV z = accumulator + TV.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(Bias), (nuint)column);
        Trainables.LoadLanes(trainables, column);
        if (PreActivation is not null)
            TV.StoreUnsafe(z, ref MemoryMarshal.GetArrayDataReference(PreActivation), (nuint)(row * Columns + column));
        return Activation.Forward(z, trainables);
    }
}
