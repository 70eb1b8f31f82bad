using System.Numerics;
using System.Runtime.CompilerServices;
using ActivationGen.Simd;

namespace ActivationGen.Layers;

/// <summary>
/// The register tile for 32 vector registers (AVX-512): 14 rows × 2 vectors of accumulators, two vectors of B and
/// one broadcast of A, 31 registers in all. Each step of k is 28 fused multiply-adds against 16 loads.
/// </summary>
internal static class MicroKernel14<T, TVector>
    where T : unmanaged, IBinaryFloatingPointIeee754<T>
    where TVector : struct, IVectorBits<TVector, T>
{
    /// <summary>
    /// C[14×2 vectors] (+)= packed A panel (14 values per step of k) · packed B panel (2 vectors per step), over
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
        TVector c80 = zero, c81 = zero, c90 = zero, c91 = zero;
        TVector c100 = zero, c101 = zero, c110 = zero, c111 = zero;
        TVector c120 = zero, c121 = zero, c130 = zero, c131 = zero;
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
            broadcast = TVector.Create(Unsafe.Add(ref a, 8)); c80 = TVector.MultiplyAdd(broadcast, b0, c80); c81 = TVector.MultiplyAdd(broadcast, b1, c81);
            broadcast = TVector.Create(Unsafe.Add(ref a, 9)); c90 = TVector.MultiplyAdd(broadcast, b0, c90); c91 = TVector.MultiplyAdd(broadcast, b1, c91);
            broadcast = TVector.Create(Unsafe.Add(ref a, 10)); c100 = TVector.MultiplyAdd(broadcast, b0, c100); c101 = TVector.MultiplyAdd(broadcast, b1, c101);
            broadcast = TVector.Create(Unsafe.Add(ref a, 11)); c110 = TVector.MultiplyAdd(broadcast, b0, c110); c111 = TVector.MultiplyAdd(broadcast, b1, c111);
            broadcast = TVector.Create(Unsafe.Add(ref a, 12)); c120 = TVector.MultiplyAdd(broadcast, b0, c120); c121 = TVector.MultiplyAdd(broadcast, b1, c121);
            broadcast = TVector.Create(Unsafe.Add(ref a, 13)); c130 = TVector.MultiplyAdd(broadcast, b0, c130); c131 = TVector.MultiplyAdd(broadcast, b1, c131);
            a = ref Unsafe.Add(ref a, 14);
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
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c80, ref c, add, apply, row + 8, column, ref epilogue);
        TileWriter<T, TVector>.Write(c81, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 8, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c90, ref c, add, apply, row + 9, column, ref epilogue);
        TileWriter<T, TVector>.Write(c91, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 9, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c100, ref c, add, apply, row + 10, column, ref epilogue);
        TileWriter<T, TVector>.Write(c101, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 10, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c110, ref c, add, apply, row + 11, column, ref epilogue);
        TileWriter<T, TVector>.Write(c111, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 11, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c120, ref c, add, apply, row + 12, column, ref epilogue);
        TileWriter<T, TVector>.Write(c121, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 12, right, ref epilogue);
        c = ref Unsafe.Add(ref c, ldc);
        TileWriter<T, TVector>.Write(c130, ref c, add, apply, row + 13, column, ref epilogue);
        TileWriter<T, TVector>.Write(c131, ref Unsafe.Add(ref c, TVector.Count), add, apply, row + 13, right, ref epilogue);
    }
}
