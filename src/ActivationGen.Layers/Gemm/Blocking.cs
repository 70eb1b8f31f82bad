using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The block sizes of the product for one element type and vector width (BLIS's five loops): the micro-kernel's
/// tile is <see cref="Rows"/> × <see cref="Columns"/>; a packed KC×NR panel of B stays in L1 while the kernel
/// sweeps the packed MC×KC block of A, which stays in L2; the packed KC×NC block of B lives in L3.
/// </summary>
internal static class Blocking<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>True for the 512-bit kernel (AVX-512 has 32 vector registers, AVX2 16).</summary>
    public static bool IsWide
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => TVector.Count * Unsafe.SizeOf<T>() == 64;
    }

    /// <summary>MR: rows of the register tile. 8 × 2 zmm accumulators: 16 in flight hide the 4-cycle latency of two FMA
    /// pipes, and 8 divides the sizes layers use (14 rows would fit in 32 registers, but waste most of an edge tile, and
    /// measured no faster). 6 × 2 ymm/xmm accumulators with two vectors of B and a broadcast fill 15 of 16 registers.</summary>
    public static int Rows
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => IsWide ? 8 : 6;
    }

    /// <summary>NR: columns of the register tile, two vectors.</summary>
    public static int Columns
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 2 * TVector.Count;
    }

    /// <summary>KC: the depth of one packed panel. A KC×NR panel of B is 32 KiB at 512 bits (16 KiB at 256),
    /// within a 48 KiB L1 beside the streaming MR×KC panel of A.</summary>
    public static int Depth
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 256;
    }

    /// <summary>MC: rows of A packed at once, about 384 KiB: inside a 1 MiB L2 with room for the B panel and C.</summary>
    public static int RowBlock
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 384 * 1024 / (Depth * Unsafe.SizeOf<T>()) / Rows * Rows;
    }

    /// <summary>NC: columns of B packed at once, KC·NC·size = 4 MiB for float, which stays in a shared L3.</summary>
    public static int ColumnBlock
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 4096 / Columns * Columns;
    }
}
