using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        int imageSize = Height * Width, length = PatchLength * Positions;
        if (input.Length < Batch * Channels * imageSize || columns.Length < length)
            throw new ArgumentException("The buffers are smaller than the geometry.");
        if (Padding > 0)
            columns[..length].Clear(); // then only the entries inside the image are written
        // Raw references, and the batch innermost but one: the lines are short (4 to 8 values in the digits net),
        // so what counts is the bookkeeping per line, here two pointer increments.
        ref T source = ref MemoryMarshal.GetReference(input);
        ref T target = ref MemoryMarshal.GetReference(columns);
        int positions = Positions, plane = OutputPlane, outWidth = OutputWidth, sampleStride = Channels * imageSize;
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < KernelHeight; i++)
                for (int j = 0; j < KernelWidth; j++)
                {
                    int row = ((c * KernelHeight + i) * KernelWidth + j) * positions;
                    (int first, int end) = InsideColumns(j);
                    int count = end - first;
                    for (int oy = 0; oy < OutputHeight; oy++)
                    {
                        int y = oy * Stride - Padding + i;
                        if ((uint)y >= (uint)Height || count == 0)
                            continue;
                        ref T line = ref Unsafe.Add(ref target, row + oy * outWidth + first);
                        ref T from = ref Unsafe.Add(ref source, c * imageSize + y * Width + first * Stride - Padding + j);
                        for (int n = 0; n < Batch; n++)
                        {
                            for (int ox = 0, x = 0; ox < count; ox++, x += Stride)
                                Unsafe.Add(ref line, ox) = Unsafe.Add(ref from, x);
                            line = ref Unsafe.Add(ref line, plane);
                            from = ref Unsafe.Add(ref from, sampleStride);
                        }
                    }
                }
    }

    /// <summary>The adjoint of <see cref="Unfold"/>: adds every column entry back onto the input position it came from.</summary>
    public void Fold<T>(ReadOnlySpan<T> columns, Span<T> inputGradient)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        int imageSize = Height * Width;
        if (inputGradient.Length < Batch * Channels * imageSize || columns.Length < PatchLength * Positions)
            throw new ArgumentException("The buffers are smaller than the geometry.");
        inputGradient[..(Batch * Channels * imageSize)].Clear();
        ref T source = ref MemoryMarshal.GetReference(columns);
        ref T target = ref MemoryMarshal.GetReference(inputGradient);
        int positions = Positions, plane = OutputPlane, outWidth = OutputWidth, sampleStride = Channels * imageSize;
        Span<int> firsts = stackalloc int[KernelWidth], counts = stackalloc int[KernelWidth];
        for (int j = 0; j < KernelWidth; j++)
        {
            (int first, int end) = InsideColumns(j);
            (firsts[j], counts[j]) = (first, end - first);
        }
        // Per image row, the kernel's columns innermost: they share the row's bookkeeping, and the adds read and
        // write one image, which stays in cache across its lines.
        for (int c = 0; c < Channels; c++)
            for (int i = 0; i < KernelHeight; i++)
                for (int n = 0; n < Batch; n++)
                    for (int oy = 0; oy < OutputHeight; oy++)
                    {
                        int y = oy * Stride - Padding + i;
                        if ((uint)y >= (uint)Height)
                            continue;
                        ref T imageRow = ref Unsafe.Add(ref target, n * sampleStride + c * imageSize + y * Width);
                        ref T lines = ref Unsafe.Add(ref source, (c * KernelHeight + i) * KernelWidth * positions + n * plane + oy * outWidth);
                        for (int j = 0; j < KernelWidth; j++)
                        {
                            int first = firsts[j], count = counts[j];
                            if (count == 0)
                                continue;
                            ref T line = ref Unsafe.Add(ref lines, j * positions + first);
                            ref T to = ref Unsafe.Add(ref imageRow, first * Stride - Padding + j); // inside the row: first is the first column inside the image
                            for (int ox = 0, x = 0; ox < count; ox++, x += Stride)
                                Unsafe.Add(ref to, x) += Unsafe.Add(ref line, ox);
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
