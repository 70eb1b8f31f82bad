using System;
using System.Numerics;
using System.Text;

namespace ActivationGen.Layers;

/// <summary>
/// A dense row-major tensor: a shape and a flat buffer. Layers own the tensors they return and reshape them in
/// place on the next call (a smaller last batch reuses the buffer), so a training step allocates nothing once every
/// buffer has reached its largest size.
/// </summary>
/// <typeparam name="T">The element type, <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed class Tensor<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    private T[] _buffer;
    private int[] _shape;

    /// <summary>A tensor of zeros of the given shape.</summary>
    public Tensor(params int[] shape)
    {
        _shape = CopyShape(shape);
        Length = Product(_shape);
        _buffer = new T[Length];
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a tensor of the given shape; its length must match.</summary>
    public Tensor(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        _shape = CopyShape(shape);
        Length = Product(_shape);
        if (data.Length != Length)
            throw new ArgumentException($"The data holds {data.Length} values but shape {Format(_shape)} needs {Length}.", nameof(data));
        _buffer = data;
    }

    // A view over the first elements of a buffer (which may hold more): ViewAs and Over.
    private Tensor(T[] buffer, ReadOnlySpan<int> shape, int length)
    {
        _buffer = buffer;
        _shape = shape.ToArray();
        Length = length;
    }

    /// <summary>The dimensions, outermost first (e.g. batch, channels, height, width).</summary>
    public ReadOnlySpan<int> Shape => _shape;

    /// <summary>Number of dimensions.</summary>
    public int Rank => _shape.Length;

    /// <summary>Number of elements (the product of the dimensions).</summary>
    public int Length { get; private set; }

    /// <summary>The elements, row-major.</summary>
    public Span<T> Span => _buffer.AsSpan(0, Length);

    /// <summary>Dimension <paramref name="axis"/>.</summary>
    public int Dimension(int axis) => _shape[axis];

    /// <summary>The backing array; elements past <see cref="Length"/> are spare capacity.</summary>
    internal T[] Buffer => _buffer;

    /// <summary>The shape as text, e.g. <c>[32, 1, 8, 8]</c>.</summary>
    public string ShapeText => Format(_shape);

    /// <inheritdoc/>
    public override string ToString() => $"Tensor<{typeof(T).Name}>{ShapeText}";

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();

    /// <summary>True when the shape is exactly <paramref name="dimensions"/>.</summary>
    public bool HasShape(ReadOnlySpan<int> dimensions) => Shape.SequenceEqual(dimensions);

    /// <summary>
    /// Makes <paramref name="tensor"/> a tensor of the given shape, reusing its buffer when it is large enough
    /// (contents are then unspecified): how layers keep their outputs without allocating per call.
    /// </summary>
    public static Tensor<T> Reuse(ref Tensor<T>? tensor, ReadOnlySpan<int> shape)
    {
        if (tensor is null)
        {
            tensor = new Tensor<T>(shape.ToArray());
            return tensor;
        }
        tensor.Reshape(shape);
        return tensor;
    }

    /// <summary>The same elements under another shape of the same length, written into <paramref name="view"/> (reused like <see cref="Reuse"/>).</summary>
    public Tensor<T> ViewAs(ref Tensor<T>? view, ReadOnlySpan<int> shape)
    {
        int length = Product(shape);
        if (length != Length)
            throw new ArgumentException($"A tensor of shape {ShapeText} cannot be viewed as {Format(shape)}.", nameof(shape));
        view ??= new Tensor<T>(_buffer, shape, length);
        view._buffer = _buffer;
        view.SetShape(shape);
        view.Length = length;
        return view;
    }

    /// <summary>
    /// Makes <paramref name="view"/> a tensor of the given shape over the first elements of <paramref name="buffer"/>
    /// (not copied), reusing the view object: how a caller feeds batches of varying size from one array.
    /// </summary>
    public static Tensor<T> Over(ref Tensor<T>? view, T[] buffer, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        int length = Product(shape);
        if (length > buffer.Length)
            throw new ArgumentException($"The buffer holds {buffer.Length} values but shape {Format(shape)} needs {length}.", nameof(buffer));
        view ??= new Tensor<T>(buffer, shape, length);
        view._buffer = buffer;
        view.SetShape(shape);
        view.Length = length;
        return view;
    }

    private void Reshape(ReadOnlySpan<int> shape)
    {
        int length = Product(shape);
        if (length > _buffer.Length)
            _buffer = new T[length];
        SetShape(shape);
        Length = length;
    }

    private void SetShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length != _shape.Length)
            _shape = new int[shape.Length];
        shape.CopyTo(_shape);
    }

    private static int[] CopyShape(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _ = Product(shape);
        return (int[])shape.Clone();
    }

    private static int Product(ReadOnlySpan<int> shape)
    {
        long product = 1;
        foreach (int dimension in shape)
        {
            if (dimension < 0)
                throw new ArgumentException($"Shape {Format(shape)} has a negative dimension.", nameof(shape));
            product *= dimension;
            if (product > Array.MaxLength)
                throw new ArgumentException($"Shape {Format(shape)} has more elements than an array can hold.", nameof(shape));
        }
        return (int)product;
    }

    internal static string Format(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
            text.Append(i == 0 ? "" : ", ").Append(shape[i]);
        return text.Append(']').ToString();
    }
}
