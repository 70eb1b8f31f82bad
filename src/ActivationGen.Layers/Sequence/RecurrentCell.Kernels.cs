using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

public sealed partial class RecurrentCell<T, TActivation>
{
    /// <summary>
    /// The activation's inputs at one vector, in <paramref name="room"/>: a, then hₜ₋₁ or the elapsed time in every
    /// lane when the activation has a second input.
    /// </summary>
    /// <remarks>
    /// One span for every cell, so the loops call the kernel once: with a call per input count the JIT inlines the
    /// kernel twice before it drops the dead one, and for a two-input gate that took the loop past the locals the JIT
    /// tracks, so every temporary went through the stack (the gated cell's backward took 2.3–2.8× as long).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<TV> Inputs<TV>(Span<TV> room, TV a, int step, int row, int column)
        where TV : struct, IVectorBits<TV, T>
    {
        room[0] = a;
        if (TActivation.InputCount > 1) // the constructor matched the count to SecondInput
            room[1] = SecondInput == RecurrentInput.PreviousState
                ? TV.LoadUnsafe(ref states[(step * batch + row) * HiddenSize], (nuint)column)
                : TV.Create(times[step * batch + row]);
        return room[..TActivation.InputCount];
    }

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
            // From the walker's room: a buffer of the body's own is zeroed on every column, the body being inlined.
            Span<TV> inputs = room.Slice(TActivation.TrainableCount, InputVectors<TV>.Capacity);
            cell.trainables.LoadLanes(trainables, column);
            ref T states = ref MemoryMarshal.GetArrayDataReference(cell.states);
            for (int r = 0; r < rows; r++)
            {
                TV a = TV.LoadUnsafe(ref Unsafe.Add(ref results, r * stride), 0);
                TV state = cell.activation.Forward<TV>(cell.Inputs<TV>(inputs, a, step, row + r, column), trainables);
                TV.StoreUnsafe(state, ref states, (nuint)(((step + 1) * cell.batch + row + r) * cell.HiddenSize + column));
            }
        }
    }

    /// <summary>
    /// One step of backpropagation through time, every row of the batch: the state's whole gradient (from the output
    /// and from step t + 1) through the activation, into ∂L/∂a, the direct part of ∂L/∂hₜ₋₁ (a gate's h input) and
    /// the trainables' per-channel sums.
    /// </summary>
    private struct BackwardStep(RecurrentCell<T, TActivation> cell, T[] outputGradient) : IVectorLoop<T>
    {
        public int Step;

        // Every row in one call per width, as ActivationBackward.Rows (a call per row was four calls per 64 units), and
        // not inlined, as its loops are: the kernel keeps the JIT's whole budget of tracked locals to itself.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public readonly int Run<TV>(int from, int to)
            where TV : struct, IVectorBits<TV, T>
        {
            Unsafe.SkipInit(out TrainableVectors<TV> values); // every element used is written before it is read
            Unsafe.SkipInit(out TrainableVectors<TV> gradients);
            Unsafe.SkipInit(out InputVectors<TV> inputSlots);
            Unsafe.SkipInit(out InputVectors<TV> inputGradientSlots);
            Span<TV> inputs = inputSlots;
            Span<TV> trainables = ((Span<TV>)values)[..TActivation.TrainableCount];
            Span<TV> trainableGradients = ((Span<TV>)gradients)[..TActivation.TrainableCount];
            Span<TV> inputGradients = ((Span<TV>)inputGradientSlots)[..TActivation.InputCount];
            int hidden = cell.HiddenSize, end = from;
            for (int row = 0; row < cell.batch; row++)
            {
                int at = (Step * cell.batch + row) * hidden;
                ref T fromOutput = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(outputGradient), (row * cell.steps + Step) * hidden);
                ref T fromNextStep = ref cell.stateGradient[row * hidden];
                ref T preActivation = ref cell.preActivations[at];
                ref T preActivationGradient = ref cell.preActivationGradients[at];
                ref T previousStateGradient = ref cell.previousStateGradient[row * hidden];
                for (end = from; end + TV.Count <= to; end += TV.Count)
                {
                    nuint i = (nuint)end;
                    TV dy = TV.LoadUnsafe(ref fromOutput, i) + TV.LoadUnsafe(ref fromNextStep, i);
                    TV a = TV.LoadUnsafe(ref preActivation, i);
                    cell.trainables.LoadLanes(trainables, end);
                    cell.activation.Backward<TV>(cell.Inputs<TV>(inputs, a, Step, row, end), dy, trainables, inputGradients, trainableGradients);
                    TV.StoreUnsafe(inputGradients[0], ref preActivationGradient, i);
                    if (cell.SecondInput == RecurrentInput.PreviousState)
                        TV.StoreUnsafe(inputGradients[1], ref previousStateGradient, i);
                    cell.trainables.AddLanes<TV>(trainableGradients, end);
                }
            }
            return end;
        }
    }
}
