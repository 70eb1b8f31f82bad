using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// Writes results into C: adds what C holds when the product accumulates (or when an earlier block of k
/// already wrote there), and runs the epilogue on the last block of k. Partial rows at the right edge go
/// through narrower vectors down to one lane, so every lane the epilogue sees is a real column.
/// </summary>
internal static class TileWriter<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>Writes one vector of results at <paramref name="destination"/>, column <paramref name="column"/> of row <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<TEpilogue>(TVector value, ref T destination, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
        => Write<TVector, TEpilogue>(value, ref destination, add, apply, row, column, ref epilogue);

    /// <summary>Writes <paramref name="count"/> results of one row from <paramref name="source"/> (zeros when <paramref name="sourceIsZero"/>) into <paramref name="destination"/>.</summary>
    public static void WriteRow<TEpilogue>(ref T source, bool sourceIsZero, ref T destination, int count, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        // Only widths up to the kernel's own: a narrower product must not fall into an emulated wider vector.
        int j = 0;
        if (Vec512<T>.Count <= TVector.Count)
            j = Segment<Vec512<T>, TEpilogue>(ref source, sourceIsZero, ref destination, j, count, add, apply, row, column, ref epilogue);
        if (Vec256<T>.Count <= TVector.Count)
            j = Segment<Vec256<T>, TEpilogue>(ref source, sourceIsZero, ref destination, j, count, add, apply, row, column, ref epilogue);
        if (Vec128<T>.Count <= TVector.Count)
            j = Segment<Vec128<T>, TEpilogue>(ref source, sourceIsZero, ref destination, j, count, add, apply, row, column, ref epilogue);
        Segment<Vec1<T>, TEpilogue>(ref source, sourceIsZero, ref destination, j, count, add, apply, row, column, ref epilogue);
    }

    private static int Segment<TWidth, TEpilogue>(ref T source, bool sourceIsZero, ref T destination, int j, int count, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TWidth : struct, IVectorBits<TWidth, T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        for (; j <= count - TWidth.Count; j += TWidth.Count)
        {
            TWidth value = sourceIsZero ? TWidth.Create(T.Zero) : TWidth.LoadUnsafe(ref source, (nuint)j);
            Write<TWidth, TEpilogue>(value, ref Unsafe.Add(ref destination, j), add, apply, row, column + j, ref epilogue);
        }
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write<TWidth, TEpilogue>(TWidth value, ref T destination, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TWidth : struct, IVectorBits<TWidth, T>
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        if (add)
            value += TWidth.LoadUnsafe(ref destination, 0);
        if (apply)
            value = epilogue.Apply(value, row, column);
        TWidth.StoreUnsafe(value, ref destination, 0);
    }
}
