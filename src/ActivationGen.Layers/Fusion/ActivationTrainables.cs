using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A layer's values of its activation's trainable parameters (one <see cref="Parameter{T}"/> each, named
/// <c>layer.trainable</c>), and the two ways its loops meet them: channels-last (a vector's lanes are consecutive
/// channels) and channels-first (a vector lies within one channel's plane, so every lane has the same value).
/// </summary>
/// <remarks>
/// Any activation, of one input or several (a gate f(a, b), a time-aware f(x, t)): the trainables are per channel
/// whatever the inputs, so dense, convolution, batch-norm and sequence layers all keep them here.
/// </remarks>
internal sealed class ActivationTrainables<T, TActivation>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IActivation<T>
{
    private readonly T[][] _values;
    private readonly T[][] _gradients;

    public ActivationTrainables(string layerName, in TActivation activation, int channels, TrainableSharing sharing)
    {
        int count = TActivation.TrainableCount;
        if (count > TrainableVectors<T>.Capacity)
            throw new ArgumentException($"{layerName}: {TActivation.Info.Name} has {count} trainable parameters; layers support at most {TrainableVectors<T>.Capacity}.", nameof(activation));
        PerChannel = sharing == TrainableSharing.PerChannel;
        Parameters = new Parameter<T>[count];
        _values = new T[count][];
        _gradients = new T[count][];
        for (int i = 0; i < count; i++)
        {
            var parameter = new Parameter<T>($"{layerName}.{TActivation.Info.Trainables[i]}", PerChannel ? channels : 1);
            parameter.Value.AsSpan().Fill(activation.TrainableDefault(i));
            Parameters[i] = parameter;
            _values[i] = parameter.Value;
            _gradients[i] = parameter.Gradient;
        }
    }

    public bool PerChannel { get; }

    public Parameter<T>[] Parameters { get; }

    /// <summary>The trainables for lanes that are channels <paramref name="channel"/>, channel + 1, …</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LoadLanes<TV>(Span<TV> trainables, int channel)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int i = 0; i < trainables.Length; i++)
            trainables[i] = PerChannel
                ? TV.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(_values[i]), (nuint)channel)
                : TV.Create(_values[i][0]);
    }

    /// <summary>The trainables of channel <paramref name="channel"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void LoadBroadcast<TV>(Span<TV> trainables, int channel)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int i = 0; i < trainables.Length; i++)
            trainables[i] = TV.Create(_values[i][PerChannel ? channel : 0]);
    }

    /// <summary>Adds per-lane gradients of lanes that are channels <paramref name="channel"/>, channel + 1, …</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddLanes<TV>(ReadOnlySpan<TV> gradients, int channel)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int i = 0; i < gradients.Length; i++)
        {
            if (PerChannel)
            {
                ref T start = ref MemoryMarshal.GetArrayDataReference(_gradients[i]);
                TV.StoreUnsafe(TV.LoadUnsafe(ref start, (nuint)channel) + gradients[i], ref start, (nuint)channel);
            }
            else
            {
                _gradients[i][0] += TV.Sum(gradients[i]);
            }
        }
    }

    /// <summary>Adds the lane sums of <paramref name="gradients"/> to channel <paramref name="channel"/>'s gradients.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddSums<TV>(ReadOnlySpan<TV> gradients, int channel)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int i = 0; i < gradients.Length; i++)
            _gradients[i][PerChannel ? channel : 0] += TV.Sum(gradients[i]);
    }
}
