using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class SingleMath
{
    /// <summary>
    /// Error function. Below 0.9: x P(x²), P a degree-5 Chebyshev fit of erf(x)/x. From 0.9: 1 − e^Q(|x|), Q a
    /// degree-10 Chebyshev fit of log erfc on [0.9, 4] (absolute error 4e-8, scaled by erfc ≤ 0.21 in the result);
    /// beyond 4 the result rounds to ±1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erf<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV ax = TV.Abs(x);
        TV small = ErfNearZero(x);

        TV t = TV.MinNative(TV.Create(4f), ax);
        TV q = TV.MultiplyAdd(TV.Create(-5.129404812009852e-08f), t, TV.Create(1.2246634923940292e-06f));
        q = TV.MultiplyAdd(q, t, TV.Create(-1.1230304153286852e-05f));
        q = TV.MultiplyAdd(q, t, TV.Create(3.221797669539228e-05f));
        q = TV.MultiplyAdd(q, t, TV.Create(0.0002917346137110144f));
        q = TV.MultiplyAdd(q, t, TV.Create(-0.003964083734899759f));
        q = TV.MultiplyAdd(q, t, TV.Create(0.025015899911522865f));
        q = TV.MultiplyAdd(q, t, TV.Create(-0.10841958224773407f));
        q = TV.MultiplyAdd(q, t, TV.Create(-0.6330826282501221f));
        q = TV.MultiplyAdd(q, t, TV.Create(-1.129683256149292f));
        q = TV.MultiplyAdd(q, t, TV.Create(0.00021420854318421334f));
        // Q ≤ 0.0003 on [0, 4], so no upper clamp is needed.
        TV large = TV.Create(1f) - ExpUpTo20(q);
        large = TV.Or(large, TV.And(x, TV.CreateBits(SignBit)));
        return TV.ConditionalSelect(TV.LessThan(ax, TV.Create(0.9f)), small, large);
    }

    /// <summary>erf(x) for |x| &lt; 0.9: x P(x²), P a degree-5 Chebyshev fit of erf(x)/x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfNearZero<TV>(TV x) where TV : struct, IVector<TV, float>, IVectorBits<TV, float>
    {
        TV s = x * x;
        TV p = TV.MultiplyAdd(TV.Create(-0.0006102686747908592f), s, TV.Create(0.005014484282582998f));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.026780718937516212f));
        p = TV.MultiplyAdd(p, s, TV.Create(0.11282194405794144f));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.3761252760887146f));
        p = TV.MultiplyAdd(p, s, TV.Create(1.1283791065216064f));
        return p * x;
    }
}
