using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    /// <summary>
    /// GELU, x·Φ(x) = max(x, 0) − |x|·Φ(−|x|), from the normal tail at |x| (relative accuracy where it is tiny, no
    /// cancellation for x ≥ 0, and the limits 0 at −∞ and +∞ at +∞ without ∞·0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Gelu<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        // Beyond 40, |x|·Φ(−|x|) is 0 in double; the clamp (constant first) keeps NaN.
        TV a = TV.MinNative(TV.Create(40.0), TV.Abs(x));
        return TV.MultiplyAdd(-a, TV.Create(0.5) * ErfcOverRoot2(a), TV.MaxNative(TV.Create(0.0), x));
    }

    /// <summary>GELU′ = Φ(x) + x·φ(x): Φ(−a) − a·φ(a) with a = |x| below 0, and 1 − that above.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV GeluDerivative<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV a = TV.MinNative(TV.Create(40.0), TV.Abs(x));
        TV v = TV.MultiplyAdd(TV.Create(-0.3989422804014327) * a, GaussianOverRoot2(a), TV.Create(0.5) * ErfcOverRoot2(a));
        return TV.ConditionalSelect(TV.LessThan(x, TV.Create(0.0)), v, TV.Create(1.0) - v);
    }
}
