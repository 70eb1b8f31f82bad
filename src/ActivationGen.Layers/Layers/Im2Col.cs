using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>The geometry of a 2-D convolution, and the unfolding of its input into a matrix (im2col) and back.</summary>
internal readonly record struct ConvGeometry(
    int Batch, int Channels, int Height, int Width, int KernelHeight, int KernelWidth, int Stride, int Padding)
{
    public int OutputHeight => (Height + 2 * Padding - KernelHeight) / Stride + 1;
    public int OutputWidth => (Width + 2 * Padding - KernelWidth) / Stride + 1;
    public int OutputPlane => OutputHeight * OutputWidth;

    /// <summary>Rows of the unfolded matrix: one per (channel, kernel row, kernel column).</summary>
    public int PatchLength => Channels * KernelHeight * KernelWidth;

    /// <summary>Columns of the unfolded matrix: one per (sample, output position), so one product serves the batch.</summary>
    public int Positions => Batch * OutputPlane;

    /// <summary>columns[(c·KH + i)·KW + j, n·OHW + p] = x[n, c, oy·S − P + i, ox·S − P + j], zero outside the image.</summary>
    public void Unfold<T>(ReadOnlySpan<T> input, Span<T> columns)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int positions = Positions, plane = OutputPlane, outWidth = OutputWidth;
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < KernelHeight; i++)
                for (int j = 0; j < KernelWidth; j++)
                {
                    Span<T> row = columns.Slice(((c * KernelHeight + i) * KernelWidth + j) * positions, positions);
                    (int first, int end) = InsideColumns(j);
                    for (int n = 0; n < Batch; n++)
                    {
                        ReadOnlySpan<T> image = input.Slice((n * Channels + c) * Height * Width, Height * Width);
                        for (int oy = 0; oy < OutputHeight; oy++)
                        {
                            Span<T> line = row.Slice(n * plane + oy * outWidth, outWidth);
                            int y = oy * Stride - Padding + i;
                            if ((uint)y >= (uint)Height || first >= end)
                            {
                                line.Clear();
                                continue;
                            }
                            line[..first].Clear();
                            line[end..].Clear();
                            ReadOnlySpan<T> source = image.Slice(y * Width, Width);
                            int x = first * Stride - Padding + j;
                            if (Stride == 1)
                                source.Slice(x, end - first).CopyTo(line[first..end]);
                            else
                                for (int ox = first; ox < end; ox++, x += Stride)
                                    line[ox] = source[x];
                        }
                    }
                }
    }

    /// <summary>The adjoint of <see cref="Unfold"/>: adds every column entry back onto the input position it came from.</summary>
    public void Fold<T>(ReadOnlySpan<T> columns, Span<T> inputGradient)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        inputGradient.Clear();
        int positions = Positions, plane = OutputPlane, outWidth = OutputWidth;
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < KernelHeight; i++)
                for (int j = 0; j < KernelWidth; j++)
                {
                    ReadOnlySpan<T> row = columns.Slice(((c * KernelHeight + i) * KernelWidth + j) * positions, positions);
                    (int first, int end) = InsideColumns(j);
                    if (first >= end)
                        continue;
                    for (int n = 0; n < Batch; n++)
                    {
                        Span<T> image = inputGradient.Slice((n * Channels + c) * Height * Width, Height * Width);
                        for (int oy = 0; oy < OutputHeight; oy++)
                        {
                            int y = oy * Stride - Padding + i;
                            if ((uint)y >= (uint)Height)
                                continue;
                            Span<T> target = image.Slice(y * Width, Width);
                            ReadOnlySpan<T> line = row.Slice(n * plane + oy * outWidth, outWidth);
                            int x = first * Stride - Padding + j;
                            if (Stride == 1)
                                SpanMath.AddInPlace(target.Slice(x, end - first), line[first..end]);
                            else
                                for (int ox = first; ox < end; ox++, x += Stride)
                                    target[x] += line[ox];
                        }
                    }
                }
    }

    /// <summary>The output columns [first, end) whose input column ox·S − P + j lies inside the image.</summary>
    private (int First, int End) InsideColumns(int j)
    {
        int first = Math.Max(0, CeilingDivide(Padding - j, Stride));
        int end = Math.Min(OutputWidth, CeilingDivide(Width + Padding - j, Stride));
        return (first, Math.Max(first, end));
    }

    private static int CeilingDivide(int numerator, int denominator) =>
        numerator <= 0 ? -(-numerator / denominator) : (numerator + denominator - 1) / denominator;

    /// <summary>[channels, batch·plane] (the product's layout) to [batch, channels, plane] (NCHW), or back with <paramref name="toBatchFirst"/> false.</summary>
    public static void Permute<T>(ReadOnlySpan<T> source, Span<T> destination, int batch, int channels, int plane, bool toBatchFirst)
    {
        for (int c = 0; c < channels; c++)
            for (int n = 0; n < batch; n++)
            {
                int channelMajor = (c * batch + n) * plane, batchMajor = (n * channels + c) * plane;
                if (toBatchFirst)
                    source.Slice(channelMajor, plane).CopyTo(destination.Slice(batchMajor, plane));
                else
                    source.Slice(batchMajor, plane).CopyTo(destination.Slice(channelMajor, plane));
            }
    }
}
