using System;
using ActivationGen.Simd;

namespace ActivationGen;

public static partial class Activations
{
    /// <summary>Softmax of one row: y[i] = exp(x[i] − m) / Σⱼ exp(x[j] − m), m = maxⱼ x[j] (stable for any finite row). PyTorch: <c>F.softmax(x, dim=-1)</c>.</summary>
    /// <param name="x">The row.</param>
    /// <param name="y">The result, as long as <paramref name="x"/>; may be the same span (in place).</param>
    /// <remarks>A row holding NaN, +∞, or only −∞ gives NaN, as in PyTorch.</remarks>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> y) => Rows(x, y, x.Length, RowOp.Softmax);

    /// <summary>Softmax of each row of a row-major batch (see <see cref="Softmax(ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="x">The rows, one after the other.</param>
    /// <param name="y">The results, as long as <paramref name="x"/>; may be the same span.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void Softmax(ReadOnlySpan<float> x, Span<float> y, int rowLength) => Rows(x, y, rowLength, RowOp.Softmax);

    /// <summary>Backward of the softmax from its output: dx = y ⊙ (dy − Σ dy·y).</summary>
    /// <param name="y">The softmax's output row.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void SoftmaxBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => RowsBackward(y, dy, dx, y.Length, RowOp.Softmax);

    /// <summary>Backward of the softmax of each row of a batch (see <see cref="SoftmaxBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="y">The softmax's output rows.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="y"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void SoftmaxBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) => RowsBackward(y, dy, dx, rowLength, RowOp.Softmax);

    /// <summary>Log-softmax of one row: y[i] = (x[i] − m) − log Σⱼ exp(x[j] − m), m = maxⱼ x[j]. PyTorch: <c>F.log_softmax(x, dim=-1)</c>.</summary>
    /// <param name="x">The row.</param>
    /// <param name="y">The result, as long as <paramref name="x"/>; may be the same span (in place).</param>
    /// <remarks>A row holding NaN, +∞, or only −∞ gives NaN, as in PyTorch.</remarks>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> y) => Rows(x, y, x.Length, RowOp.LogSoftmax);

    /// <summary>Log-softmax of each row of a row-major batch (see <see cref="LogSoftmax(ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="x">The rows, one after the other.</param>
    /// <param name="y">The results, as long as <paramref name="x"/>; may be the same span.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void LogSoftmax(ReadOnlySpan<float> x, Span<float> y, int rowLength) => Rows(x, y, rowLength, RowOp.LogSoftmax);

    /// <summary>Backward of the log-softmax from its output: dx = dy − exp(y)·Σ dy.</summary>
    /// <param name="y">The log-softmax's output row.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void LogSoftmaxBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => RowsBackward(y, dy, dx, y.Length, RowOp.LogSoftmax);

    /// <summary>Backward of the log-softmax of each row of a batch (see <see cref="LogSoftmaxBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="y">The log-softmax's output rows.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="y"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void LogSoftmaxBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) => RowsBackward(y, dy, dx, rowLength, RowOp.LogSoftmax);

    /// <summary>Softmin of one row: the softmax of −x, stable (shifted by the row minimum). PyTorch: <c>F.softmin(x, dim=-1)</c>.</summary>
    /// <param name="x">The row.</param>
    /// <param name="y">The result, as long as <paramref name="x"/>; may be the same span (in place).</param>
    /// <remarks>A row holding NaN, −∞, or only +∞ gives NaN, as in PyTorch.</remarks>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void Softmin(ReadOnlySpan<float> x, Span<float> y) => Rows(x, y, x.Length, RowOp.Softmin);

    /// <summary>Softmin of each row of a row-major batch (see <see cref="Softmin(ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="x">The rows, one after the other.</param>
    /// <param name="y">The results, as long as <paramref name="x"/>; may be the same span.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="y"/> partly overlaps <paramref name="x"/>.</exception>
    public static void Softmin(ReadOnlySpan<float> x, Span<float> y, int rowLength) => Rows(x, y, rowLength, RowOp.Softmin);

    /// <summary>Backward of the softmin from its output: dx = −y ⊙ (dy − Σ dy·y).</summary>
    /// <param name="y">The softmin's output row.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void SoftminBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx) => RowsBackward(y, dy, dx, y.Length, RowOp.Softmin);

    /// <summary>Backward of the softmin of each row of a batch (see <see cref="SoftminBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="y">The softmin's output rows.</param>
    /// <param name="dy">The gradient with respect to <paramref name="y"/>.</param>
    /// <param name="dx">The gradient with respect to the input; may be the same span as <paramref name="y"/> or <paramref name="dy"/>.</param>
    /// <param name="rowLength">The length of one row; it must divide the length of <paramref name="y"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not make whole rows, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void SoftminBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) => RowsBackward(y, dy, dx, rowLength, RowOp.Softmin);

    /// <summary>Gated linear unit of one row: with a = x[..n] and b = x[n..] its halves, y = a ⊙ σ(b). PyTorch: <c>F.glu(x, dim=-1)</c>.</summary>
    /// <param name="x">The row, of even length 2n.</param>
    /// <param name="y">The result, of length n; may start where <paramref name="x"/> starts (in place).</param>
    /// <exception cref="ArgumentException"><paramref name="x"/> is not twice as long as <paramref name="y"/>, or they partly overlap.</exception>
    public static void Glu(ReadOnlySpan<float> x, Span<float> y) => GluRows(x, y, x.Length);

    /// <summary>Gated linear unit of each row of a row-major batch (see <see cref="Glu(ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="x">The input rows, each of length <paramref name="rowLength"/>.</param>
    /// <param name="y">The output rows, each of length <paramref name="rowLength"/> / 2; may start where <paramref name="x"/> starts.</param>
    /// <param name="rowLength">The length of one input row: even, and it must divide the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not make whole rows of matching count, or the spans partly overlap.</exception>
    public static void Glu(ReadOnlySpan<float> x, Span<float> y, int rowLength) => GluRows(x, y, rowLength);

    /// <summary>Backward of the gated linear unit: dx[..n] = dy ⊙ σ(b), dx[n..] = dy ⊙ a ⊙ σ(b)(1 − σ(b)).</summary>
    /// <param name="x">The input row (a then b).</param>
    /// <param name="dy">The gradient with respect to the output, half as long as <paramref name="x"/>.</param>
    /// <param name="dx">The gradient with respect to <paramref name="x"/>, as long as it; may be the same span as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not match, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void GluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) => GluRowsBackward(x, dy, dx, x.Length);

    /// <summary>Backward of the gated linear unit of each row of a batch (see <see cref="GluBackward(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>).</summary>
    /// <param name="x">The input rows, each of length <paramref name="rowLength"/>.</param>
    /// <param name="dy">The gradient with respect to the output rows, each of length <paramref name="rowLength"/> / 2.</param>
    /// <param name="dx">The gradient with respect to <paramref name="x"/>; may be the same span as <paramref name="x"/>.</param>
    /// <param name="rowLength">The length of one input row: even, and it must divide the length of <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths do not make whole rows of matching count, or <paramref name="dx"/> partly overlaps an input.</exception>
    public static void GluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, int rowLength) => GluRowsBackward(x, dy, dx, rowLength);

    private enum RowOp
    {
        Softmax,
        LogSoftmax,
        Softmin,
    }

    private static void Rows(ReadOnlySpan<float> x, Span<float> y, int rowLength, RowOp op)
    {
        Elementwise.CheckLength(x.Length, y.Length, nameof(y));
        Elementwise.CheckOverlap<float>(x, y, nameof(y));
        if (x.Length == 0)
            return;
        CheckRows(x.Length, rowLength, nameof(x));
        for (int start = 0; start < x.Length; start += rowLength)
        {
            var kernel = new ForwardRow(x.Slice(start, rowLength), y.Slice(start, rowLength), op);
            RowDispatch.Run(ref kernel, rowLength);
        }
    }

    private static void RowsBackward(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, int rowLength, RowOp op)
    {
        Elementwise.CheckLength(y.Length, dy.Length, nameof(dy));
        Elementwise.CheckLength(y.Length, dx.Length, nameof(dx));
        Elementwise.CheckOverlap<float>(y, dx, nameof(dx));
        Elementwise.CheckOverlap<float>(dy, dx, nameof(dx));
        if (y.Length == 0)
            return;
        CheckRows(y.Length, rowLength, nameof(y));
        for (int start = 0; start < y.Length; start += rowLength)
        {
            var kernel = new BackwardRow(y.Slice(start, rowLength), dy.Slice(start, rowLength), dx.Slice(start, rowLength), op);
            RowDispatch.Run(ref kernel, rowLength);
        }
    }

    private static void GluRows(ReadOnlySpan<float> x, Span<float> y, int rowLength)
    {
        Elementwise.CheckLength(x.Length, 2 * y.Length, nameof(y));
        Elementwise.CheckOverlap<float>(x, y, nameof(y));
        if (x.Length == 0)
            return;
        CheckRows(x.Length, rowLength, nameof(x));
        if (rowLength % 2 != 0)
            throw new ArgumentException($"A GLU row splits into two halves, so its length must be even, not {rowLength}.", nameof(rowLength));
        int half = rowLength / 2;
        // Rows go in order, so in place (y starting at x) only ever overwrites rows already read.
        for (int row = 0; row < x.Length / rowLength; row++)
        {
            var kernel = new GluRow(x.Slice(row * rowLength, rowLength), y.Slice(row * half, half), default, default);
            RowDispatch.Run(ref kernel, half);
        }
    }

    private static void GluRowsBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx, int rowLength)
    {
        Elementwise.CheckLength(x.Length, 2 * dy.Length, nameof(dy));
        Elementwise.CheckLength(x.Length, dx.Length, nameof(dx));
        Elementwise.CheckOverlap<float>(x, dx, nameof(dx));
        Elementwise.CheckOverlap<float>(dy, dx, nameof(dx));
        if (x.Length == 0)
            return;
        CheckRows(x.Length, rowLength, nameof(x));
        if (rowLength % 2 != 0)
            throw new ArgumentException($"A GLU row splits into two halves, so its length must be even, not {rowLength}.", nameof(rowLength));
        int half = rowLength / 2;
        for (int row = 0; row < x.Length / rowLength; row++)
        {
            var kernel = new GluRow(x.Slice(row * rowLength, rowLength), default, dy.Slice(row * half, half), dx.Slice(row * rowLength, rowLength));
            RowDispatch.Run(ref kernel, half);
        }
    }

    private static void CheckRows(int length, int rowLength, string paramName)
    {
        if (rowLength <= 0)
            throw new ArgumentOutOfRangeException(nameof(rowLength), rowLength, "The row length must be positive.");
        if (length % rowLength != 0)
            throw new ArgumentException($"The span has {length} elements, which is not a whole number of rows of {rowLength}.", paramName);
    }

    private ref struct ForwardRow : IRowKernel
    {
        private readonly ReadOnlySpan<float> x;
        private readonly Span<float> y;
        private readonly RowOp op;

        public ForwardRow(ReadOnlySpan<float> x, Span<float> y, RowOp op)
        {
            this.x = x;
            this.y = y;
            this.op = op;
        }

        public readonly void Run<TV>() where TV : struct, IVectorBits<TV, float>
        {
            float sign = op == RowOp.Softmin ? -1f : 1f;
            float max = RowKernels.Max<TV>(x, sign);
            if (op == RowOp.LogSoftmax)
            {
                float sum = RowKernels.ExpSum<TV>(x, default, sign, max, store: false);
                RowKernels.ShiftLog<TV>(x, y, sign, max, MathF.Log(sum));
            }
            else
            {
                float sum = RowKernels.ExpSum<TV>(x, y, sign, max, store: true);
                RowKernels.Divide<TV>(y, y, sum);
            }
        }
    }

    private ref struct BackwardRow : IRowKernel
    {
        private readonly ReadOnlySpan<float> y;
        private readonly ReadOnlySpan<float> dy;
        private readonly Span<float> dx;
        private readonly RowOp op;

        public BackwardRow(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, RowOp op)
        {
            this.y = y;
            this.dy = dy;
            this.dx = dx;
            this.op = op;
        }

        public readonly void Run<TV>() where TV : struct, IVectorBits<TV, float>
        {
            if (op == RowOp.LogSoftmax)
            {
                RowKernels.LogSoftmaxBackward<TV>(y, dy, dx, RowKernels.Dot<TV>(dy, default));
                return;
            }
            float dot = RowKernels.Dot<TV>(y, dy);
            RowKernels.SoftmaxBackward<TV>(y, dy, dx, dot, op == RowOp.Softmin ? -1f : 1f);
        }
    }

    private ref struct GluRow : IRowKernel
    {
        private readonly ReadOnlySpan<float> x;
        private readonly Span<float> y;
        private readonly ReadOnlySpan<float> dy;
        private readonly Span<float> dx;

        public GluRow(ReadOnlySpan<float> x, Span<float> y, ReadOnlySpan<float> dy, Span<float> dx)
        {
            this.x = x;
            this.y = y;
            this.dy = dy;
            this.dx = dx;
        }

        public readonly void Run<TV>() where TV : struct, IVectorBits<TV, float>
        {
            if (dx.IsEmpty)
                RowKernels.Glu<TV>(x, y);
            else
                RowKernels.GluBackward<TV>(x, dy, dx);
        }
    }
}
