using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

public sealed partial class RecurrentCell<T, TActivation>
{
    /// <summary>The activation's second input at one vector of step <paramref name="step"/>: hₜ₋₁, or the elapsed time in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TV SecondInputAt<TV>(int step, int row, int column)
        where TV : struct, IVectorBits<TV, T>
        => SecondInput == RecurrentInput.PreviousState
            ? TV.LoadUnsafe(ref states[(step * batch + row) * HiddenSize], (nuint)column)
            : TV.Create(times[step * batch + row]);

    /// <summary>
    /// The epilogue of a step's product hₜ₋₁·U: the product is added to the stored x·W + b (it accumulates) and kept
    /// as the pre-activation, and the state hₜ = f(a, …) is written over each finished panel of a while it is in cache.
    /// </summary>
    private readonly struct StepEpilogue(RecurrentCell<T, TActivation> cell, int step) : IGemmEpilogue<T>
    {
        public TV Apply<TV>(TV accumulator, int row, int column)
            where TV : struct, IVectorBits<TV, T>
            => accumulator;

        /// <inheritdoc/>
        public void Finish(ref T block, nint stride, int row, int rows, int column, int columns)
            => PanelLoop.Run(new State(cell, step), ref block, stride, row, rows, column, columns);
    }

    /// <summary>hₜ = f(a, …) for a column of vectors of a, the column's trainables loaded once.</summary>
    private readonly struct State(RecurrentCell<T, TActivation> cell, int step) : IPanelBody<T>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TV>(ref T results, nint stride, int row, int rows, int column, Span<TV> room)
            where TV : struct, IVectorBits<TV, T>
        {
            Span<TV> trainables = room[..TActivation.TrainableCount];
            cell.trainables.LoadLanes(trainables, column);
            ref T states = ref MemoryMarshal.GetArrayDataReference(cell.states);
            for (int r = 0; r < rows; r++)
            {
                TV a = TV.LoadUnsafe(ref Unsafe.Add(ref results, r * stride), 0);
                TV state = cell.SecondInput == RecurrentInput.None
                    ? cell.activation.Forward<TV>([a], trainables)
                    : cell.activation.Forward<TV>([a, cell.SecondInputAt<TV>(step, row + r, column)], trainables);
                TV.StoreUnsafe(state, ref states, (nuint)(((step + 1) * cell.batch + row + r) * cell.HiddenSize + column));
            }
        }
    }

    /// <summary>
    /// One row of one step of backpropagation through time: the state's whole gradient (from the output and from
    /// step t + 1) through the activation, into ∂L/∂a, the direct part of ∂L/∂hₜ₋₁ (a gate's h input) and the
    /// trainables' per-channel sums.
    /// </summary>
    private struct BackwardStep(RecurrentCell<T, TActivation> cell, T[] outputGradient) : IVectorLoop<T>
    {
        public int Step;
        public int Row;

        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            int hidden = cell.HiddenSize, at = (Step * cell.batch + Row) * hidden;
            ref T fromOutput = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(outputGradient), (Row * cell.steps + Step) * hidden);
            ref T fromNextStep = ref cell.stateGradient[Row * hidden];
            ref T preActivation = ref cell.preActivations[at];
            ref T preActivationGradient = ref cell.preActivationGradients[at];
            ref T previousStateGradient = ref cell.previousStateGradient[Row * hidden];

            TrainableVectors<TV> values = default, gradients = default;
            InputVectors<TV> inputGradientSlots = default;
            Span<TV> trainables = ((Span<TV>)values)[..TActivation.TrainableCount];
            Span<TV> trainableGradients = ((Span<TV>)gradients)[..TActivation.TrainableCount];
            Span<TV> inputGradients = ((Span<TV>)inputGradientSlots)[..TActivation.InputCount];
            for (; from + TV.Count <= to; from += TV.Count)
            {
                nuint i = (nuint)from;
                TV dy = TV.LoadUnsafe(ref fromOutput, i) + TV.LoadUnsafe(ref fromNextStep, i);
                TV a = TV.LoadUnsafe(ref preActivation, i);
                cell.trainables.LoadLanes(trainables, from);
                if (cell.SecondInput == RecurrentInput.None)
                    cell.activation.Backward<TV>([a], dy, trainables, inputGradients, trainableGradients);
                else
                    cell.activation.Backward<TV>([a, cell.SecondInputAt<TV>(Step, Row, from)], dy, trainables, inputGradients, trainableGradients);
                TV.StoreUnsafe(inputGradients[0], ref preActivationGradient, i);
                if (cell.SecondInput == RecurrentInput.PreviousState)
                    TV.StoreUnsafe(inputGradients[1], ref previousStateGradient, i);
                cell.trainables.AddLanes<TV>(trainableGradients, from);
            }
            return from;
        }
    }
}

/// <summary>Room for one vector per input of a multi-input activation, on the stack.</summary>
[InlineArray(Capacity)]
internal struct InputVectors<TV>
{
    /// <summary>The inputs a layer's activation may have: the pre-activation and one more.</summary>
    public const int Capacity = 2;

    private TV _element;
}
