using System.Runtime.CompilerServices;

namespace ActivationGen.Simd;

public static partial class DoubleMath
{
    /// <summary>
    /// Error function. Below 1: x P(x²), P a degree-11 Chebyshev fit of erf(x)/x (relative error 4e-17). From 1 to 6:
    /// 1 − e^(−x²) R(x), R = erfcx = e^(x²) erfc(x) fitted by degree-14 polynomials in x − c on [1, 2], [2, 3.5] and
    /// [3.5, 6] (coefficients chosen per lane; relative error 4e-16, 2e-15, 2e-14, each scaled down by erfc ≤ 0.16).
    /// Beyond 6 the result rounds to ±1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV Erf<TV>(TV x) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV ax = TV.Abs(x);
        TV s = x * x;
        TV p = TV.MultiplyAdd(TV.Create(-7.795898827002142e-10), s, TV.Create(1.3720064546777686e-08));
        p = TV.MultiplyAdd(p, s, TV.Create(-1.6208483801871705e-07));
        p = TV.MultiplyAdd(p, s, TV.Create(1.6447424703317362e-06));
        p = TV.MultiplyAdd(p, s, TV.Create(-1.492473690741966e-05));
        p = TV.MultiplyAdd(p, s, TV.Create(0.00012055294904839707));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.0008548325975389692));
        p = TV.MultiplyAdd(p, s, TV.Create(0.0052239776071164225));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.02686617064323777));
        p = TV.MultiplyAdd(p, s, TV.Create(0.11283791670945006));
        p = TV.MultiplyAdd(p, s, TV.Create(-0.37612638903183543));
        p = TV.MultiplyAdd(p, s, TV.Create(1.1283791670955126));
        TV small = p * x;

        TV erfc = ErfcOneToSix(ax);
        TV large = TV.Or(TV.Create(1.0) - erfc, TV.And(x, TV.CreateBits(SignBit)));
        return TV.ConditionalSelect(TV.LessThan(ax, TV.Create(1.0)), small, large);
    }

    /// <summary>erfc(a) for a in [1, 6] (clamped there): e^(−a²)·R(a), R = erfcx fitted per lane (see <see cref="Erf{TV}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV ErfcOneToSix<TV>(TV ax) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
    {
        TV first = TV.LessThan(ax, TV.Create(2.0));
        TV second = TV.LessThan(ax, TV.Create(3.5));
        TV clamped = TV.ConditionalSelect(TV.GreaterThan(ax, TV.Create(6.0)), TV.Create(6.0), ax);
        TV t = clamped - TV.ConditionalSelect(first, TV.Create(1.5), TV.ConditionalSelect(second, TV.Create(2.75), TV.Create(4.75)));
        TV r = Pick(first, second, 1.7955431767928597e-07, 1.8069520510416326e-09, 6.117844467471036e-12);
        r = TV.MultiplyAdd(r, t, Pick(first, second, -6.409316664251228e-07, -8.01181001890603e-09, -3.67690156375927e-11));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 2.06241304824337e-06, 3.105710607611476e-08, 1.8262093529973392e-10));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -6.957954859174092e-06, -1.3192706697647487e-07, -1.067362355598649e-09));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 2.2865187808212496e-05, 5.520418140550562e-07, 6.245076194116008e-09));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -7.266219599461766e-05, -2.247676321583971e-06, -3.561197334926809e-08));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.00022330985450405092, 8.940140785092413e-06, 2.002902676243289e-07));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.0006619297304232824, -3.469853951374473e-05, -1.1115572633944996e-06));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.0018861348817560994, 0.00013118180233874277, 6.081115111613391e-06));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.00514595756566068, -0.0004821950932829294, -3.277578458228431e-05));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.013377340952957192, 0.001719581885194874, 0.00017392830395924388));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.03293090529915301, -0.005934337896564839, -0.0009080988965295504));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.07615103985547814, 0.019758592987324287, 0.004661326368975751));
        r = TV.MultiplyAdd(r, t, Pick(first, second, -0.16362291773256282, -0.06323763756064137, -0.023503448598184106));
        r = TV.MultiplyAdd(r, t, Pick(first, second, 0.3215854164543175, 0.1936620962790687, 0.11630270721024731));
        // e^(−x²) with x² = h + l exactly: e^(−h) (1 − l) keeps the rounding of x² out of the result.
        TV h = clamped * clamped;
        TV l = TV.MultiplyAdd(clamped, clamped, -h);
        TV erfc = Exp(-h) * TV.MultiplyAdd(-r, l, r);
        return erfc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Pick<TV>(TV first, TV second, double a, double b, double c) where TV : struct, IVector<TV, double>, IVectorBits<TV, double>
        => TV.ConditionalSelect(first, TV.Create(a), TV.ConditionalSelect(second, TV.Create(b), TV.Create(c)));
}
