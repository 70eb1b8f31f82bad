using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// A layer's values of an activation's trainable parameters when the activation may take several inputs (a gate
/// f(a, b), a time-aware f(x, t)); channels-last, a vector's lanes being consecutive channels.
/// </summary>
/// <remarks>
/// <see cref="ActivationTrainables{T, TActivation}"/> does the same for one-input activations (and channels-first
/// planes). Here kernels always add per channel, into scratch, with no horizontal sum in the inner loop;
/// <see cref="FlushGradients"/> then adds the scratch to the parameters' gradients, summed when shared.
/// </remarks>
internal sealed class MultiInputTrainables<T, TActivation>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TActivation : struct, IActivation<T>
{
    private readonly T[][] values;
    private readonly T[][] channelGradients;

    public MultiInputTrainables(string layerName, in TActivation activation, int channels, TrainableSharing sharing)
    {
        int count = TActivation.TrainableCount;
        if (count > TrainableVectors<T>.Capacity)
            throw new ArgumentException($"{layerName}: {TActivation.Info.Name} has {count} trainable parameters; layers support at most {TrainableVectors<T>.Capacity}.", nameof(activation));
        PerChannel = sharing == TrainableSharing.PerChannel;
        Parameters = new Parameter<T>[count];
        values = new T[count][];
        channelGradients = new T[count][];
        for (int i = 0; i < count; i++)
        {
            var parameter = new Parameter<T>($"{layerName}.{TActivation.Info.Trainables[i]}", PerChannel ? channels : 1);
            parameter.Value.AsSpan().Fill(activation.TrainableDefault(i));
            Parameters[i] = parameter;
            values[i] = parameter.Value;
            channelGradients[i] = new T[channels];
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
                ? TV.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(values[i]), (nuint)channel)
                : TV.Create(values[i][0]);
    }

    /// <summary>Adds per-lane gradients of lanes that are channels <paramref name="channel"/>, channel + 1, … to the scratch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddLanes<TV>(ReadOnlySpan<TV> gradients, int channel)
        where TV : struct, IVectorBits<TV, T>
    {
        for (int i = 0; i < gradients.Length; i++)
        {
            ref T start = ref MemoryMarshal.GetArrayDataReference(channelGradients[i]);
            TV.StoreUnsafe(TV.LoadUnsafe(ref start, (nuint)channel) + gradients[i], ref start, (nuint)channel);
        }
    }

    /// <summary>Adds the scratch to the parameters' gradients (its sum when shared) and clears it.</summary>
    public void FlushGradients()
    {
        for (int i = 0; i < Parameters.Length; i++)
        {
            T[] scratch = channelGradients[i];
            T[] gradient = Parameters[i].Gradient;
            if (PerChannel)
            {
                for (int c = 0; c < scratch.Length; c++)
                    gradient[c] += scratch[c];
            }
            else
            {
                T sum = T.Zero;
                foreach (T value in scratch)
                    sum += value;
                gradient[0] += sum;
            }
            Array.Clear(scratch);
        }
    }
}
