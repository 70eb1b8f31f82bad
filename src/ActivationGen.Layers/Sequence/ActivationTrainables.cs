using System;
using System.Collections.Generic;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>How a layer holds an activation's trainable parameters.</summary>
public enum TrainableSharing
{
    /// <summary>One value of each trainable for the whole layer.</summary>
    Shared,

    /// <summary>One value of each trainable per output channel (hidden unit, feature).</summary>
    PerChannel,
}

/// <summary>
/// The trainable parameters of one activation inside a layer, shared or per channel, and the per-channel
/// scratch their gradients are reduced into during a backward pass.
/// </summary>
/// <remarks>
/// Kernels always accumulate per channel (one lane per channel, no horizontal sums in the inner loop);
/// <see cref="FlushGradients"/> then adds the scratch to the parameters' gradients, summed over channels when shared.
/// </remarks>
internal sealed class ActivationTrainables<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private readonly Parameter<T>[] parameters;
    private readonly T[][] channelGradients;

    public ActivationTrainables(IActivation<T> activation, int trainableCount, int channels, TrainableSharing sharing, string name)
    {
        if (trainableCount > VectorSlots<T>.Capacity)
            throw new ArgumentException($"The activation has {trainableCount} trainable parameters; layers take at most {VectorSlots<T>.Capacity}.", nameof(activation));
        Sharing = sharing;
        parameters = new Parameter<T>[trainableCount];
        channelGradients = new T[trainableCount][];
        int length = sharing switch
        {
            TrainableSharing.Shared => 1,
            TrainableSharing.PerChannel => channels,
            _ => throw new ArgumentOutOfRangeException(nameof(sharing), sharing, null),
        };
        for (int q = 0; q < trainableCount; q++)
        {
            parameters[q] = new Parameter<T>($"{name}.trainable{q}", length);
            Array.Fill(parameters[q].Value, activation.TrainableDefault(q));
            channelGradients[q] = new T[channels];
        }
    }

    public TrainableSharing Sharing { get; }

    public int Count => parameters.Length;

    public IReadOnlyList<Parameter<T>> Parameters => parameters;

    /// <summary>The trainables of columns [column, column + TV.Count), one vector per trainable, into <paramref name="into"/>.</summary>
    public void Load<TV>(int column, Span<TV> into)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int q = 0; q < parameters.Length; q++)
            into[q] = Sharing == TrainableSharing.Shared
                ? TV.Create(parameters[q].Value[0])
                : TV.LoadUnsafe(ref parameters[q].Value[0], (nuint)column);
    }

    /// <summary>Adds per-lane gradients of columns [column, column + TV.Count) to the scratch.</summary>
    public void Accumulate<TV>(int column, ReadOnlySpan<TV> gradients)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int q = 0; q < parameters.Length; q++)
        {
            ref T start = ref channelGradients[q][0];
            TV.StoreUnsafe(TV.LoadUnsafe(ref start, (nuint)column) + gradients[q], ref start, (nuint)column);
        }
    }

    /// <summary>Adds the scratch to the parameters' gradients and clears it.</summary>
    public void FlushGradients()
    {
        for (int q = 0; q < parameters.Length; q++)
        {
            T[] scratch = channelGradients[q];
            T[] gradient = parameters[q].Gradient;
            if (Sharing == TrainableSharing.Shared)
            {
                T sum = T.Zero;
                foreach (T value in scratch)
                    sum += value;
                gradient[0] += sum;
            }
            else
            {
                for (int c = 0; c < scratch.Length; c++)
                    gradient[c] += scratch[c];
            }
            Array.Clear(scratch);
        }
    }
}
