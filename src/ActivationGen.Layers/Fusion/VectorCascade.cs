using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>A loop body over a range of elements, written once for every vector width.</summary>
internal interface IVectorLoop<T>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
{
    /// <summary>Processes whole vectors of <typeparamref name="TV"/> from <paramref name="from"/> while they fit before <paramref name="to"/>; returns where it stopped.</summary>
    int Run<TV>(int from, int to)
        where TV : struct, IVectorBits<TV, T>;
}

/// <summary>
/// Runs a loop at the widest accelerated width, then each narrower one, then one lane at a time, so a row of any
/// length is covered without padding (the same cascade the product's epilogue sees at a right edge).
/// </summary>
internal static class VectorCascade
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run<T, TLoop>(ref TLoop loop, int from, int to)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
        where TLoop : struct, IVectorLoop<T>, allows ref struct
    {
        if (Vec512<T>.IsHardwareAccelerated)
            from = loop.Run<Vec512<T>>(from, to);
        if (Vec256<T>.IsHardwareAccelerated)
            from = loop.Run<Vec256<T>>(from, to);
        if (Vec128<T>.IsHardwareAccelerated)
            from = loop.Run<Vec128<T>>(from, to);
        loop.Run<Vec1<T>>(from, to);
    }
}

/// <summary>Room for one vector per trainable parameter, on the stack (a stackalloc would keep callers from inlining).</summary>
[InlineArray(Capacity)]
internal struct TrainableVectors<TV>
{
    /// <summary>The most trainable parameters a layer's activation may have.</summary>
    public const int Capacity = 8;

    private TV _element;
}

/// <summary>Room for one vector per input of a multi-input activation, on the stack.</summary>
[InlineArray(Capacity)]
internal struct InputVectors<TV>
{
    /// <summary>The inputs a layer's activation may have: the pre-activation and one more.</summary>
    public const int Capacity = 2;

    private TV _element;
}
