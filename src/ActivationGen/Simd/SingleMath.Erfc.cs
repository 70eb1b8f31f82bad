using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    /// <summary>
    /// Complementary error function 1 − erf(x), accurate in relative terms where it is tiny (erfc(9) = 4e-37).
    /// Below |x| = 0.5: 1 − erf(x). From 0.5: e^(−x²)·R(x), and 2 − erfc(|x|) for negative x, with R = erfcx = e^(x²) erfc(x) fitted by polynomials in
    /// x − 1.25 on [0.5, 2] (degree 11), in x − 3 on [2, 4] (degree 10), and, as x·R, in 1/x on [4, 10.1]
    /// (degree 6); coefficients chosen per lane. Fit errors are below 5e-10; the float evaluation adds about 1.5 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erfc<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float> => ErfcGiven(x, Gaussian(TV.Min(x, TV.Create(10.1f))));

    /// <summary>
    /// erfc(x/√2) = 2Φ(−x), the normal tail. Like <see cref="Erfc{TV}"/> at x/√2, except that e^(−x²/2) is taken from
    /// the exact x², so that the rounding of x/√2 (which e^(−u²) would magnify 2u² times) stays out of the result.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ErfcOverRoot2<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => ErfcGiven(x * TV.Create(0.70710677f), GaussianOverRoot2(TV.Min(x, TV.Create(14.3f))));

    /// <summary>
    /// erfc(x) given e^(−x²): the fitted tail erfc(|x|) from |x| = 0.5 (2 − that tail for negative x, no cancellation
    /// there), and 1 − erf's near-zero polynomial below. No full erf (its own exp and fit) for the negative side.
    /// </summary>
    // Not inlined: its dozen per-lane coefficient selections are many small inlines, and a kernel using it with
    // more math (GELU's backward adds a Gaussian) ran out of the JIT's inlining budget and left dozens of calls in
    // its loop: 17 ns/element on AVX2, 7 on AVX-512. One call to the whole function costs 2.5 and 1.1.
    // Optimized at once, like the span loops: as tier-0 code it made a first 16M GELU call 7–10× its steady time.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static TV ErfcGiven<TV>(TV x, TV gaussian) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV a = TV.Abs(x);
        TV first = TV.LessThan(a, TV.Create(2f));
        TV second = TV.LessThan(a, TV.Create(4f));
        // Beyond 10.1 the tail is 0 (the clamp, native with the constant first so NaN survives, keeps 1/a and the Gaussian away from special cases).
        TV clamped = TV.MinNative(TV.Create(10.1f), a);
        TV tail = TV.MultiplyAdd(TV.Create(1f) / clamped, TV.Create(13.245902f), TV.Create(-2.3114755f));
        TV t = TV.ConditionalSelect(first, clamped - TV.Create(1.25f), TV.ConditionalSelect(second, clamped - TV.Create(3f), tail));
        TV r = Pick(first, second, -2.0357384E-05f, 0f, 0f);
        r = TV.MultiplyAdd(r, t, Pick(first, second, 6.4074375E-05f, 3.342112E-07f, 0f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.00016099792f, -1.4332464E-06f, 0f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.00046743575f, 5.1001857E-06f, 0f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.0013263628f, -2.0783878E-05f, 0f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.0035550427f, 8.3574676E-05f, 5.1160182E-08f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.009081551f, -0.00032421667f, -1.0807206E-06f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.022011107f, 0.0012230354f, 3.5553803E-06f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.050218277f, -0.004479415f, 8.988726E-05f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.10679559f, 0.015884371f, -0.0012372968f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.20882188f, -0.054372262f, -0.006821851f));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.36782292f, 0.17900115f, 0.5559646f));
        // On the tail the fit is x·R.
        r = TV.ConditionalSelect(second, r, r / clamped);
        TV erfcOfA = gaussian * r;
        TV large = TV.ConditionalSelect(TV.LessThan(x, TV.Create(0f)), TV.Create(2f) - erfcOfA, erfcOfA);
        TV small = TV.Create(1f) - ErfNearZero(x);
        return TV.ConditionalSelect(TV.LessThan(a, TV.Create(0.5f)), small, large);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Pick<TV>(TV first, TV second, float a, float b, float c) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
        => TV.ConditionalSelect(first, TV.Create(a), TV.ConditionalSelect(second, TV.Create(b), TV.Create(c)));
}
