using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    /// <summary>
    /// Complementary error function 1 − erf(x), accurate in relative terms where it is tiny. Below 1: 1 − erf(x).
    /// From 1 to 6: the erfcx fits of <see cref="Erf{TV}"/>. From 6: e^(−x²)·(x·R)(1/x)/x, x·R a degree-12
    /// polynomial in 1/x on [6, 27] (relative error 2e-15; taken up to 27.3, beyond which the result is 0).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erfc<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV clamped = TV.ConditionalSelect(TV.GreaterThan(x, TV.Create(27.3)), TV.Create(27.3), x);
        TV s = TV.MultiplyAdd(TV.Create(1.0) / clamped, TV.Create(15.428571428571429), TV.Create(-1.5714285714285714));
        TV q = TV.MultiplyAdd(TV.Create(3.935313613440555E-13), s, TV.Create(8.482787122305196E-13));
        q = TV.MultiplyAdd(q, s, TV.Create(9.169280719316492E-12));
        q = TV.MultiplyAdd(q, s, TV.Create(-9.215411340007379E-11));
        q = TV.MultiplyAdd(q, s, TV.Create(-2.1010420753625042E-10));
        q = TV.MultiplyAdd(q, s, TV.Create(7.284062720513108E-09));
        q = TV.MultiplyAdd(q, s, TV.Create(-2.0874998960187863E-08));
        q = TV.MultiplyAdd(q, s, TV.Create(-5.334548350405681E-07));
        q = TV.MultiplyAdd(q, s, TV.Create(4.99405342061584E-06));
        q = TV.MultiplyAdd(q, s, TV.Create(4.141543251607188E-05));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.0010811471429660923));
        q = TV.MultiplyAdd(q, s, TV.Create(-0.0036128936395050533));
        q = TV.MultiplyAdd(q, s, TV.Create(0.5613075854373842));
        TV tail = Gaussian(clamped) * (q / clamped);
        TV middle = ErfcOneToSix(x);
        TV large = TV.ConditionalSelect(TV.LessThan(x, TV.Create(6.0)), middle, tail);
        return TV.ConditionalSelect(TV.LessThan(x, TV.Create(1.0)), TV.Create(1.0) - Erf(x), large);
    }

    /// <summary>erfc(x/√2) = 2Φ(−x), the normal tail: <see cref="Erfc{TV}"/> at x/√2 (whose rounding the tail magnifies 2u² times; see the README).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV ErfcOverRoot2<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => Erfc(x * TV.Create(0.7071067811865476));
}
