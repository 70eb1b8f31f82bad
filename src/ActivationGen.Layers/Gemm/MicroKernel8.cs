using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The register tile for 32 vector registers (AVX-512): 8 rows × 2 vectors of accumulators, two vectors of B and
/// one broadcast of A. Each step of k is 16 fused multiply-adds against 10 loads, which two load ports keep fed;
/// 8 rows (not the 14 the registers would hold) divide the batch and layer sizes that layers use, so edge tiles are rare.
/// </summary>
internal static class MicroKernel8<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>
    /// C[8×2 vectors] (+)= packed A panel (8 values per step of k) · packed B panel (2 vectors per step), over
    /// <paramref name="depths"/> steps; then each row's two vectors go through <see cref="TileWriter{T, TVector}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TEpilogue>(ref T a, ref T b, int depths, ref T c, nint ldc, bool add, bool apply, int row, int column, ref TEpilogue epilogue)
        where TEpilogue : struct, IGemmEpilogue<T>
    {
        TVector zero = TVector.Create(T.Zero);
        TVector c00 = zero, c01 = zero, c10 = zero, c11 = zero;
        TVector c20 = zero, c21 = zero, c30 = zero, c31 = zero;
        TVector c40 = zero, c41 = zero, c50 = zero, c51 = zero;
        TVector c60 = zero, c61 = zero, c70 = zero, c71 = zero;
        nuint second = (nuint)TVector.Count;
        for (int p = 0; p < depths; p++)
        {
            TVector b0 = TVector.LoadUnsafe(ref b, 0);
            TVector b1 = TVector.LoadUnsafe(ref b, second);
            TVector broadcast;
            broadcast = TVector.Create(a); c00 = TVector.MultiplyAdd(broadcast, b0, c00); c01 = TVector.MultiplyAdd(broadcast, b1, c01);
            broadcast = TVector.Create(Unsafe.Add(ref a, 1)); c10 = TVector.MultiplyAdd(broadcast, b0, c10); c11 = TVector.MultiplyAdd(broadcast, b1, c11);
            broadcast = TVector.Create(Unsafe.Add(ref a, 2)); c20 = TVector.MultiplyAdd(broadcast, b0, c20); c21 = TVector.MultiplyAdd(broadcast, b1, c21);
            broadcast = TVector.Create(Unsafe.Add(ref a, 3)); c30 = TVector.MultiplyAdd(broadcast, b0, c30); c31 = TVector.MultiplyAdd(broadcast, b1, c31);
            broadcast = TVector.Create(Unsafe.Add(ref a, 4)); c40 = TVector.MultiplyAdd(broadcast, b0, c40); c41 = TVector.MultiplyAdd(broadcast, b1, c41);
            broadcast = TVector.Create(Unsafe.Add(ref a, 5)); c50 = TVector.MultiplyAdd(broadcast, b0, c50); c51 = TVector.MultiplyAdd(broadcast, b1, c51);
            broadcast = TVector.Create(Unsafe.Add(ref a, 6)); c60 = TVector.MultiplyAdd(broadcast, b0, c60); c61 = TVector.MultiplyAdd(broadcast, b1, c61);
            broadcast = TVector.Create(Unsafe.Add(ref a, 7)); c70 = TVector.MultiplyAdd(broadcast, b0, c70); c71 = TVector.MultiplyAdd(broadcast, b1, c71);
            a = ref Unsafe.Add(ref a, 8);
            b = ref Unsafe.Add(ref b, 2 * TVector.Count);
        }
        int right = column + TVector.Count;
        TileWriter<T, TVector>.Write(c00, ref c, add, apply, row, column, ref epilogue);
        TileWriter<T, TVector>.Write(c01, ref Unsafe.Add(ref c, TVector.Count), add, apply, row, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c10, ref c, add, apply, row + 1, column, ref epilogue);
        TileWriter<T, TVector>.Write(c11, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 1, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c20, ref c, add, apply, row + 2, column, ref epilogue);
        TileWriter<T, TVector>.Write(c21, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 2, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c30, ref c, add, apply, row + 3, column, ref epilogue);
        TileWriter<T, TVector>.Write(c31, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 3, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c40, ref c, add, apply, row + 4, column, ref epilogue);
        TileWriter<T, TVector>.Write(c41, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 4, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c50, ref c, add, apply, row + 5, column, ref epilogue);
        TileWriter<T, TVector>.Write(c51, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 5, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c60, ref c, add, apply, row + 6, column, ref epilogue);
        TileWriter<T, TVector>.Write(c61, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 6, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c70, ref c, add, apply, row + 7, column, ref epilogue);
        TileWriter<T, TVector>.Write(c71, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 7, right, ref epilogue);
    }
}
