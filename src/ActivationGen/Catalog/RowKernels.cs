using System;
using System.Runtime.InteropServices;
using ActivationGen.Simd;

namespace ActivationGen;

/// <summary>A row operation written once over the vector width; <see cref="RowDispatch"/> picks the width.</summary>
internal interface IRowKernel
{
    void Run<TV>() where TV : struct, IVectorBits<TV, float>;
}

/// <summary>Runs a row kernel at the widest accelerated vector width that fits the row, as generated code does.</summary>
internal static class RowDispatch
{
    public static void Run<TKernel>(ref TKernel kernel, int length)
        where TKernel : IRowKernel, allows ref struct
    {
        if (Vec512<float>.IsHardwareAccelerated && length >= Vec512<float>.Count)
            kernel.Run<Vec512<float>>();
        else if (Vec256<float>.IsHardwareAccelerated && length >= Vec256<float>.Count)
            kernel.Run<Vec256<float>>();
        else if (Vec128<float>.IsHardwareAccelerated && length >= Vec128<float>.Count)
            kernel.Run<Vec128<float>>();
        else
            kernel.Run<Vec1<float>>();
    }
}

/// <summary>
/// The passes the row operations are made of. Every pass needs at least one full vector (the dispatch
/// guarantees it) and covers the tail by re-running the last full vector, computed before the loop so that
/// an output that is also an input (in place) is read before it is written. Sums skip the lanes of that last
/// vector which the loop already counted, and flush their float lanes into a double every 256 vectors.
/// </summary>
internal static class RowKernels
{
    /// <summary>max over i of sign·x[i]; NaN if any element is NaN.</summary>
    public static float Max<TV>(ReadOnlySpan<float> x, float sign) where TV : struct, IVectorBits<TV, float>
    {
        ref float xRef = ref MemoryMarshal.GetReference(x);
        TV s = TV.Create(sign);
        nuint width = (nuint)TV.Count, last = (nuint)x.Length - width;
        TV max = TV.LoadUnsafe(ref xRef, last) * s;
        for (nuint i = 0; i < last; i += width)
            max = TV.Max(max, TV.LoadUnsafe(ref xRef, i) * s);
        Span<float> lanes = stackalloc float[TV.Count];
        TV.StoreUnsafe(max, ref MemoryMarshal.GetReference(lanes), 0);
        float result = lanes[0];
        for (int k = 1; k < lanes.Length; k++)
            result = MathF.Max(result, lanes[k]);
        return result;
    }

    /// <summary>e[i] = exp(sign·x[i] − shift) (stored only when <paramref name="store"/>); returns Σ e[i].</summary>
    public static float ExpSum<TV>(ReadOnlySpan<float> x, Span<float> e, float sign, float shift, bool store)
        where TV : struct, IVectorBits<TV, float>
    {
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float eRef = ref MemoryMarshal.GetReference(e);
        TV s = TV.Create(sign), m = TV.Create(shift);
        nuint width = (nuint)TV.Count, last = (nuint)x.Length - width;
        TV lastE = SingleMath.Exp(TV.LoadUnsafe(ref xRef, last) * s - m);
        TV lanes = TV.Create(0f);
        double total = 0;
        nuint i = 0;
        for (int block = 1; i < last; i += width, block++)
        {
            TV v = SingleMath.Exp(TV.LoadUnsafe(ref xRef, i) * s - m);
            if (store)
                TV.StoreUnsafe(v, ref eRef, i);
            lanes += v;
            if ((block & 255) == 0)
            {
                total += TV.Sum(lanes);
                lanes = TV.Create(0f);
            }
        }
        if (store)
            TV.StoreUnsafe(lastE, ref eRef, last);
        return (float)(total + TV.Sum(lanes + Uncounted(lastE, i, last)));
    }

    /// <summary>Σ a[i]·b[i] (or Σ a[i] when <paramref name="b"/> is empty).</summary>
    public static float Dot<TV>(ReadOnlySpan<float> a, ReadOnlySpan<float> b) where TV : struct, IVectorBits<TV, float>
    {
        bool product = !b.IsEmpty;
        ref float aRef = ref MemoryMarshal.GetReference(a);
        ref float bRef = ref MemoryMarshal.GetReference(product ? b : a);
        nuint width = (nuint)TV.Count, last = (nuint)a.Length - width;
        TV lanes = TV.Create(0f);
        double total = 0;
        nuint i = 0;
        for (int block = 1; i < last; i += width, block++)
        {
            TV v = TV.LoadUnsafe(ref aRef, i);
            lanes += product ? v * TV.LoadUnsafe(ref bRef, i) : v;
            if ((block & 255) == 0)
            {
                total += TV.Sum(lanes);
                lanes = TV.Create(0f);
            }
        }
        TV lastV = TV.LoadUnsafe(ref aRef, last);
        if (product)
            lastV *= TV.LoadUnsafe(ref bRef, last);
        return (float)(total + TV.Sum(lanes + Uncounted(lastV, i, last)));
    }

    /// <summary>y[i] = x[i] / divisor.</summary>
    public static void Divide<TV>(ReadOnlySpan<float> x, Span<float> y, float divisor) where TV : struct, IVectorBits<TV, float>
    {
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        TV d = TV.Create(divisor);
        nuint width = (nuint)TV.Count, last = (nuint)x.Length - width;
        TV lastY = TV.LoadUnsafe(ref xRef, last) / d;
        for (nuint i = 0; i < last; i += width)
            TV.StoreUnsafe(TV.LoadUnsafe(ref xRef, i) / d, ref yRef, i);
        TV.StoreUnsafe(lastY, ref yRef, last);
    }

    /// <summary>y[i] = (sign·x[i] − shift) − offset: the log-softmax once the shift and the log-sum are known.</summary>
    public static void ShiftLog<TV>(ReadOnlySpan<float> x, Span<float> y, float sign, float shift, float offset)
        where TV : struct, IVectorBits<TV, float>
    {
        ref float xRef = ref MemoryMarshal.GetReference(x);
        ref float yRef = ref MemoryMarshal.GetReference(y);
        TV s = TV.Create(sign), m = TV.Create(shift), o = TV.Create(offset);
        nuint width = (nuint)TV.Count, last = (nuint)x.Length - width;
        TV lastY = (TV.LoadUnsafe(ref xRef, last) * s - m) - o;
        for (nuint i = 0; i < last; i += width)
            TV.StoreUnsafe((TV.LoadUnsafe(ref xRef, i) * s - m) - o, ref yRef, i);
        TV.StoreUnsafe(lastY, ref yRef, last);
    }

    /// <summary>dx[i] = scale·y[i]·(dy[i] − dot): the softmax backward (scale −1 for softmin).</summary>
    public static void SoftmaxBackward<TV>(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, float dot, float scale)
        where TV : struct, IVectorBits<TV, float>
    {
        ref float yRef = ref MemoryMarshal.GetReference(y);
        ref float dyRef = ref MemoryMarshal.GetReference(dy);
        ref float dxRef = ref MemoryMarshal.GetReference(dx);
        TV d = TV.Create(dot), s = TV.Create(scale);
        nuint width = (nuint)TV.Count, last = (nuint)y.Length - width;
        TV lastDx = s * TV.LoadUnsafe(ref yRef, last) * (TV.LoadUnsafe(ref dyRef, last) - d);
        for (nuint i = 0; i < last; i += width)
            TV.StoreUnsafe(s * TV.LoadUnsafe(ref yRef, i) * (TV.LoadUnsafe(ref dyRef, i) - d), ref dxRef, i);
        TV.StoreUnsafe(lastDx, ref dxRef, last);
    }

    /// <summary>dx[i] = dy[i] − exp(y[i])·sum: the log-softmax backward.</summary>
    public static void LogSoftmaxBackward<TV>(ReadOnlySpan<float> y, ReadOnlySpan<float> dy, Span<float> dx, float sum)
        where TV : struct, IVectorBits<TV, float>
    {
        ref float yRef = ref MemoryMarshal.GetReference(y);
        ref float dyRef = ref MemoryMarshal.GetReference(dy);
        ref float dxRef = ref MemoryMarshal.GetReference(dx);
        TV total = TV.Create(sum);
        nuint width = (nuint)TV.Count, last = (nuint)y.Length - width;
        TV lastDx = TV.LoadUnsafe(ref dyRef, last) - SingleMath.Exp(TV.LoadUnsafe(ref yRef, last)) * total;
        for (nuint i = 0; i < last; i += width)
            TV.StoreUnsafe(TV.LoadUnsafe(ref dyRef, i) - SingleMath.Exp(TV.LoadUnsafe(ref yRef, i)) * total, ref dxRef, i);
        TV.StoreUnsafe(lastDx, ref dxRef, last);
    }

    /// <summary>y[i] = a[i]·σ(b[i]) over the halves a = x[..n], b = x[n..].</summary>
    public static void Glu<TV>(ReadOnlySpan<float> x, Span<float> y) where TV : struct, IVectorBits<TV, float>
    {
        int n = y.Length;
        ref float aRef = ref MemoryMarshal.GetReference(x);
        ref float bRef = ref MemoryMarshal.GetReference(x.Slice(n));
        ref float yRef = ref MemoryMarshal.GetReference(y);
        nuint width = (nuint)TV.Count, last = (nuint)n - width;
        TV lastY = TV.LoadUnsafe(ref aRef, last) * SingleMath.Sigmoid(TV.LoadUnsafe(ref bRef, last));
        for (nuint i = 0; i < last; i += width)
            TV.StoreUnsafe(TV.LoadUnsafe(ref aRef, i) * SingleMath.Sigmoid(TV.LoadUnsafe(ref bRef, i)), ref yRef, i);
        TV.StoreUnsafe(lastY, ref yRef, last);
    }

    /// <summary>da[i] = dy[i]·σ(b[i]), db[i] = dy[i]·a[i]·σ(b[i])(1 − σ(b[i])), into the halves of dx.</summary>
    public static void GluBackward<TV>(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx) where TV : struct, IVectorBits<TV, float>
    {
        int n = dy.Length;
        ref float aRef = ref MemoryMarshal.GetReference(x);
        ref float bRef = ref MemoryMarshal.GetReference(x.Slice(n));
        ref float dyRef = ref MemoryMarshal.GetReference(dy);
        ref float daRef = ref MemoryMarshal.GetReference(dx);
        ref float dbRef = ref MemoryMarshal.GetReference(dx.Slice(n));
        nuint width = (nuint)TV.Count, last = (nuint)n - width;
        GluGradient(TV.LoadUnsafe(ref aRef, last), TV.LoadUnsafe(ref bRef, last), TV.LoadUnsafe(ref dyRef, last), out TV lastDa, out TV lastDb);
        for (nuint i = 0; i < last; i += width)
        {
            GluGradient(TV.LoadUnsafe(ref aRef, i), TV.LoadUnsafe(ref bRef, i), TV.LoadUnsafe(ref dyRef, i), out TV da, out TV db);
            TV.StoreUnsafe(da, ref daRef, i);
            TV.StoreUnsafe(db, ref dbRef, i);
        }
        TV.StoreUnsafe(lastDa, ref daRef, last);
        TV.StoreUnsafe(lastDb, ref dbRef, last);
    }

    private static void GluGradient<TV>(TV a, TV b, TV dy, out TV da, out TV db) where TV : struct, IVectorBits<TV, float>
    {
        TV s = SingleMath.Sigmoid(b);
        da = dy * s;
        // σ' = σ(b)·σ(−b): both factors keep their relative accuracy where 1 − σ(b) would cancel.
        db = dy * a * (s * SingleMath.Sigmoid(-b));
    }

    /// <summary>The lanes of the last vector that the loop, which stopped at <paramref name="i"/>, did not count.</summary>
    private static TV Uncounted<TV>(TV lastValues, nuint i, nuint last) where TV : struct, IVectorBits<TV, float>
    {
        TV counted = TV.LessThan(TV.Indices, TV.Create((float)(i - last)));
        return TV.ConditionalSelect(counted, TV.Create(0f), lastValues);
    }
}
