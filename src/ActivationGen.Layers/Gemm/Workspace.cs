using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ActivationGen.Layers;

/// <summary>
/// The packing buffers of the calling thread: grown to the largest product seen and then reused, so a
/// training step allocates nothing after the first. Each worker thread of a split product has its own.
/// </summary>
internal static class Workspace<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    // Panels start on 64-byte boundaries so the kernel's loads of B never straddle cache lines.
    private const int Alignment = 64;

    [ThreadStatic]
    private static T[]? buffer;

    /// <summary>Three 64-byte aligned regions of the given lengths, valid until this thread's next call.</summary>
    public static unsafe void Get(int packedALength, int packedBLength, int tileLength, out Span<T> packedA, out Span<T> packedB, out Span<T> tile)
    {
        int pad = Alignment / Unsafe.SizeOf<T>();
        int a = Round(packedALength, pad), b = Round(packedBLength, pad), t = Round(tileLength, pad);
        int needed = a + b + t + pad;
        T[]? current = buffer;
        if (current is null || current.Length < needed)
            buffer = current = GC.AllocateUninitializedArray<T>(Math.Max(needed, current?.Length * 2 ?? 0), pinned: true);

        // The array is pinned, so its address, and the offset that aligns it, never change.
        nint address = (nint)Unsafe.AsPointer(ref current[0]);
        int offset = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / Unsafe.SizeOf<T>();
        Span<T> all = current.AsSpan(offset);
        packedA = all[..a];
        packedB = all.Slice(a, b);
        tile = all.Slice(a + b, t);
    }

    private static int Round(int length, int multiple) => (length + multiple - 1) / multiple * multiple;
}
