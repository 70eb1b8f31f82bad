using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Threading;

namespace ActivationGen;

/// <summary>
/// Outputs of the generated span members that are at least <see cref="MinimumBytes"/> long are written past the
/// caches (non-temporal stores): an output that large does not stay in the caches for its next reader anyway, and
/// writing it around them saves reading each line in before it is overwritten and keeps the inputs cached.
/// </summary>
/// <remarks>
/// Members that return sums of trainable gradients, and members that write more than one span, always store
/// normally. The bypass needs the output aligned to the vector size; the generated code writes the first 128 to
/// 191 bytes (up to a 64-byte boundary and 128 bytes past it) and the last 128 to 255 normally.
/// </remarks>
/// <example><code>NonTemporalStores.MinimumBytes = long.MaxValue; // always store through the caches</code></example>
public static class NonTemporalStores
{
    // Chunks of 128 bytes: two 512-bit vectors, the most a generated loop stores per step, so that every width's
    // last vector of the body is aligned too.
    private const int Chunk = 128;
    private const int Alignment = 64;

    private static long minimumBytes = DefaultMinimumBytes;

    /// <summary>The default of <see cref="MinimumBytes"/>: 16 MiB of output (4M floats).</summary>
    /// <remarks>
    /// Between what was measured to lose and to win (StoreBenchmarks, docs/cost-model-xeon.md): on an Intel Xeon
    /// with 2 MB of L2 per core, bypassing at 4 MiB of output (1M floats) won on five of six rows with 512-bit vectors
    /// and lost on five of six with 256-bit ones; at 64 MiB it won on ten of twelve rows over both.
    /// </remarks>
    public const long DefaultMinimumBytes = 16 << 20;

    /// <summary>Outputs of at least this many bytes are stored past the caches; <see cref="long.MaxValue"/> turns it off.</summary>
    public static long MinimumBytes
    {
        get => minimumBytes;
        set => minimumBytes = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Must be at least 1.");
    }

    /// <summary>
    /// Whether <paramref name="output"/> is stored past the caches, and if so its split: <paramref name="head"/>
    /// elements, 128 bytes past the first 64-byte boundary, then <paramref name="body"/> elements (a multiple of
    /// 128 bytes), then 128 to 255 bytes; generated code asks this first.
    /// </summary>
    /// <remarks>
    /// The head and the tail each hold at least two of the widest vectors, so that they run the loop any call of
    /// 128 bytes or more runs (the paired one, where the kernel pairs) instead of narrower loops of their own: each
    /// loop is a copy of the kernel for the JIT to compile, and a first call of SiLU on 16M floats took 2.5–5.4×
    /// its steady time, all of it compiling (docs/cost-model-zen3.md).
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static unsafe bool TrySplit<T>(Span<T> output, out int head, out int body)
        where T : unmanaged
    {
        head = body = 0;
        if ((long)output.Length * sizeof(T) < minimumBytes)
            return false;
        // Only to choose the split: should the GC move the output before it is written, the stores themselves check
        // their alignment again and fall back to ordinary ones.
        nuint address = (nuint)Unsafe.AsPointer(ref MemoryMarshal.GetReference(output));
        if (address % (nuint)sizeof(T) != 0)
            return false;
        int chunk = Chunk / sizeof(T);
        head = (int)((Alignment - address % Alignment) % Alignment / (nuint)sizeof(T)) + chunk;
        body = Math.Max(0, output.Length - head - chunk) / chunk * chunk;
        return body > 0;
    }

    /// <summary>Orders the stores past the caches before any later store, so that another thread that sees the call finish sees them too.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Fence()
    {
        if (Sse.IsSupported)
            Sse.StoreFence();
        else
            Interlocked.MemoryBarrier();
    }
}
