using System;
using System.Numerics;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>
/// An activation as a value type, so that a layer taking it as a type argument (<c>Dense&lt;Activations.SiluActivation&gt;</c>)
/// is specialized by the JIT around its kernels: no delegate, no virtual call per element.
/// </summary>
/// <remarks>
/// The generator emits one <c>readonly struct NameActivation</c> implementing this beside every <c>[Activation]</c>
/// declaration <c>Name</c>. Its fields are the hyperparameters (<c>[Param]</c>), set by its constructor, whose
/// defaults are the declaration's. Trainable parameters are not stored in it: a layer owns them (one value shared,
/// or one per channel) and passes them to every kernel call as vectors, one per trainable in declaration order:
/// the shared value broadcast, or the lanes' per-channel values. <see cref="TrainableDefault"/> gives their
/// declared initial values.
/// </remarks>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public interface IActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>The formula, its names and its derivatives as readable text.</summary>
    static abstract ActivationInfo Info { get; }

    /// <summary>Number of elementwise inputs (1 for an ordinary activation).</summary>
    static abstract int InputCount { get; }

    /// <summary>Number of trainable parameters.</summary>
    static abstract int TrainableCount { get; }

    /// <summary>
    /// True when ∂f/∂x can be computed from y = f(x) alone (<see cref="IUnaryActivation{T}.BackwardFromOutput{TV}"/>),
    /// so a layer need not keep x. A constant, so the JIT removes the branch a layer takes on it.
    /// </summary>
    static abstract bool HasBackwardFromOutput { get; }

    /// <summary>The declared default of trainable parameter <paramref name="index"/> (declaration order).</summary>
    T TrainableDefault(int index);

    /// <summary>f at one vector of points, for any number of inputs.</summary>
    /// <param name="inputs">One vector per input, in declaration order.</param>
    /// <param name="trainables">One vector per trainable parameter, in declaration order.</param>
    TV Forward<TV>(ReadOnlySpan<TV> inputs, ReadOnlySpan<TV> trainables)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>
    /// The backward at one vector of points: <paramref name="inputGradients"/>[i] = dy·∂f/∂input_i and
    /// <paramref name="trainableGradients"/>[j] = dy·∂f/∂trainable_j, per lane (not summed).
    /// </summary>
    void Backward<TV>(ReadOnlySpan<TV> inputs, TV dy, ReadOnlySpan<TV> trainables, Span<TV> inputGradients, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>
    /// Every partial derivative at one point: <paramref name="inputPartials"/>[i] = ∂f/∂input_i and
    /// <paramref name="trainablePartials"/>[j] = ∂f/∂trainable_j (lengths <see cref="InputCount"/> and
    /// <see cref="TrainableCount"/>). Generated activations run their backward kernel on one lane with dy = 1, so
    /// these are the very values the span backward computes, kinks included.
    /// </summary>
    /// <remarks>
    /// A default body (the general <see cref="Backward{TV}"/> on one lane) keeps hand-written implementations
    /// compiling; generated structs override it without the detour.
    /// </remarks>
    void Partials(ReadOnlySpan<T> inputs, ReadOnlySpan<T> trainables, Span<T> inputPartials, Span<T> trainablePartials)
    {
        Span<Vec1<T>> x = stackalloc Vec1<T>[inputs.Length];
        Span<Vec1<T>> q = stackalloc Vec1<T>[trainables.Length];
        Span<Vec1<T>> dx = stackalloc Vec1<T>[inputPartials.Length];
        Span<Vec1<T>> dq = stackalloc Vec1<T>[trainablePartials.Length];
        for (int i = 0; i < x.Length; i++)
            x[i] = Vec1<T>.Create(inputs[i]);
        for (int j = 0; j < q.Length; j++)
            q[j] = Vec1<T>.Create(trainables[j]);
        Backward(x, Vec1<T>.Create(T.One), q, dx, dq);
        for (int i = 0; i < dx.Length; i++)
            inputPartials[i] = Vec1<T>.Sum(dx[i]);
        for (int j = 0; j < dq.Length; j++)
            trainablePartials[j] = Vec1<T>.Sum(dq[j]);
    }
}

/// <summary>An activation of one input, the ordinary case: the forms a layer calls from its own loops.</summary>
public interface IUnaryActivation<T> : IActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>f(x) per lane.</summary>
    TV Forward<TV>(TV x, ReadOnlySpan<TV> trainables)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>dy·∂f/∂x per lane; also dy·∂f/∂q per lane into <paramref name="trainableGradients"/> (which may be empty when there are no trainables).</summary>
    TV Backward<TV>(TV x, TV dy, ReadOnlySpan<TV> trainables, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>dy·∂f/∂x per lane from y = f(x); throws <see cref="NotSupportedException"/> unless <see cref="IActivation{T}.HasBackwardFromOutput"/>.</summary>
    TV BackwardFromOutput<TV>(TV y, TV dy, ReadOnlySpan<TV> trainables)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>The span forward with shared trainables (<paramref name="trainables"/>: one value each); y may be x.</summary>
    void Forward(ReadOnlySpan<T> x, Span<T> y, ReadOnlySpan<T> trainables);

    /// <summary>The span backward with shared trainables; <paramref name="trainableGradients"/>[j] receives Σ dy·∂f/∂q_j (overwritten).</summary>
    void Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables, Span<T> trainableGradients);

    /// <summary>The span backward from the output; throws <see cref="NotSupportedException"/> unless <see cref="IActivation{T}.HasBackwardFromOutput"/>.</summary>
    void BackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, ReadOnlySpan<T> trainables);
}

/// <summary>An activation of two inputs (a gate <c>Gated(x, h)</c>, a time-aware <c>f(x, t)</c>).</summary>
public interface IBinaryActivation<T> : IActivation<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>f(a, b) per lane.</summary>
    TV Forward<TV>(TV a, TV b, ReadOnlySpan<TV> trainables)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>dy·∂f/∂a and dy·∂f/∂b per lane; dy·∂f/∂q per lane into <paramref name="trainableGradients"/>.</summary>
    void Backward<TV>(TV a, TV b, TV dy, ReadOnlySpan<TV> trainables, out TV da, out TV db, Span<TV> trainableGradients)
        where TV : struct, IVectorBits<TV, T>;

    /// <summary>The span forward with shared trainables (one value each); y may be a or b.</summary>
    /// <remarks>Generated structs call the declaration's span members; this default body (one lane at a time) keeps hand-written implementations compiling.</remarks>
    void Forward(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> y, ReadOnlySpan<T> trainables)
    {
        Elementwise.CheckLength(a.Length, b.Length, nameof(b));
        Elementwise.CheckLength(a.Length, y.Length, nameof(y));
        Span<Vec1<T>> q = stackalloc Vec1<T>[trainables.Length];
        for (int j = 0; j < q.Length; j++)
            q[j] = Vec1<T>.Create(trainables[j]);
        for (int i = 0; i < y.Length; i++)
            y[i] = Vec1<T>.Sum(Forward(Vec1<T>.Create(a[i]), Vec1<T>.Create(b[i]), q));
    }

    /// <summary>
    /// The span backward with shared trainables: da = dy·∂f/∂a, db = dy·∂f/∂b, and
    /// <paramref name="trainableGradients"/>[j] = Σ dy·∂f/∂q_j (overwritten; an empty span skips them).
    /// </summary>
    /// <remarks>Generated structs call the declaration's span members; this default body (one lane at a time) keeps hand-written implementations compiling.</remarks>
    void Backward(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> dy, Span<T> da, Span<T> db, ReadOnlySpan<T> trainables, Span<T> trainableGradients)
    {
        Elementwise.CheckLength(a.Length, b.Length, nameof(b));
        Elementwise.CheckLength(a.Length, dy.Length, nameof(dy));
        Elementwise.CheckLength(a.Length, da.Length, nameof(da));
        Elementwise.CheckLength(a.Length, db.Length, nameof(db));
        Span<Vec1<T>> q = stackalloc Vec1<T>[trainables.Length];
        Span<Vec1<T>> dq = stackalloc Vec1<T>[trainableGradients.Length];
        Span<double> sums = stackalloc double[trainableGradients.Length];
        sums.Clear();
        for (int j = 0; j < q.Length; j++)
            q[j] = Vec1<T>.Create(trainables[j]);
        for (int i = 0; i < a.Length; i++)
        {
            Backward(Vec1<T>.Create(a[i]), Vec1<T>.Create(b[i]), Vec1<T>.Create(dy[i]), q, out var gradientA, out var gradientB, dq);
            da[i] = Vec1<T>.Sum(gradientA);
            db[i] = Vec1<T>.Sum(gradientB);
            for (int j = 0; j < sums.Length; j++)
                sums[j] += double.CreateTruncating(Vec1<T>.Sum(dq[j]));
        }
        for (int j = 0; j < sums.Length; j++)
            trainableGradients[j] = T.CreateTruncating(sums[j]);
    }
}
