using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

public sealed partial class RecurrentCell<T, TActivation>
{
    /// <summary>The second input of the activation at one vector of step <paramref name="step"/>: hₜ₋₁ or the elapsed time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV SecondInputAt<TV>(int step, int row, int column)
        where TV : struct, IVectorBits<TV, T>
        => SecondInput == RecurrentInput.PreviousState
            ? TV.LoadUnsafe(ref states[(step * batch + row) * HiddenSize], (nuint)column)
            : TV.Create(times[step * batch + row]);

    /// <summary>
    /// The epilogue of a step's product U·hₜ₋₁: adds it to the stored W·xₜ + b (the product accumulates), keeps the
    /// result as the pre-activation, and writes the state hₜ = f(a, …) while a is still in registers.
    /// </summary>
    private readonly struct StepEpilogue(RecurrentCell<T, TActivation> cell, int step) : IGemmEpilogue<T>
    {
        public TV Apply<TV>(TV accumulator, int row, int column)
            where TV : struct, IVectorBits<TV, T>
        {
            VectorSlots<TV> trainableSlots = default;
            Span<TV> trainables = trainableSlots;
            trainables = trainables[..cell.trainables.Count];
            cell.trainables.Load(column, trainables);
            TV state = cell.SecondInput == RecurrentInput.None
                ? cell.activation.Forward<TV>([accumulator], trainables)
                : cell.activation.Forward<TV>([accumulator, cell.SecondInputAt<TV>(step, row, column)], trainables);
            TV.StoreUnsafe(state, ref cell.states[((step + 1) * cell.batch + row) * cell.HiddenSize], (nuint)column);
            return accumulator;
        }
    }

    /// <summary>
    /// One step of backpropagation through time, per vector of hidden units: the state's total gradient (from the
    /// output and from step t + 1) through the activation, into ∂L/∂a, the direct part of ∂L/∂hₜ₋₁ (a gate's h
    /// input) and the trainables' per-channel sums.
    /// </summary>
    private readonly ref struct BackwardStep(RecurrentCell<T, TActivation> cell, int step, ReadOnlySpan<T> outputGradient) : IColumnKernel<T>
    {
        private readonly ReadOnlySpan<T> outputGradient = outputGradient;

        public void Apply<TV>(int row, int column)
            where TV : struct, IVectorBits<TV, T>
        {
            int hidden = cell.HiddenSize, at = (step * cell.batch + row) * hidden;
            ref T fromOutput = ref Unsafe.Add(ref MemoryMarshal.GetReference(outputGradient), (row * cell.steps + step) * hidden);
            TV dy = TV.LoadUnsafe(ref fromOutput, (nuint)column) + TV.LoadUnsafe(ref cell.stateGradient[row * hidden], (nuint)column);
            TV preActivation = TV.LoadUnsafe(ref cell.preActivations[at], (nuint)column);

            VectorSlots<TV> trainableSlots = default, trainableGradientSlots = default, inputGradientSlots = default;
            Span<TV> trainables = trainableSlots, trainableGradients = trainableGradientSlots, inputGradients = inputGradientSlots;
            trainables = trainables[..cell.trainables.Count];
            trainableGradients = trainableGradients[..cell.trainables.Count];
            cell.trainables.Load(column, trainables);
            if (cell.SecondInput == RecurrentInput.None)
                cell.activation.Backward<TV>([preActivation], dy, trainables, inputGradients[..1], trainableGradients);
            else
                cell.activation.Backward<TV>([preActivation, cell.SecondInputAt<TV>(step, row, column)], dy, trainables, inputGradients[..2], trainableGradients);

            TV.StoreUnsafe(inputGradients[0], ref cell.preActivationGradients[at], (nuint)column);
            if (cell.SecondInput == RecurrentInput.PreviousState)
                TV.StoreUnsafe(inputGradients[1], ref cell.previousStateGradient[row * hidden], (nuint)column);
            cell.trainables.Accumulate<TV>(column, trainableGradients);
        }
    }
}
