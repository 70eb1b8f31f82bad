using System.Collections.Immutable;

namespace ActivationGen;

/// <summary>What <see cref="ActivationAnalysis.Analyze"/> finds about an activation over a range of inputs.</summary>
/// <param name="Name">The activation's name (<see cref="ActivationInfo.Name"/>).</param>
/// <param name="From">The range's lower end.</param>
/// <param name="To">The range's upper end.</param>
/// <param name="MeanAbsDerivative">The mean of |f′| over the range (midpoint rule).</param>
/// <param name="MaxAbsDerivative">The largest |f′| in the range, refined between sample points.</param>
/// <param name="MaxAbsDerivativeAt">Where <paramref name="MaxAbsDerivative"/> is attained (the first such point when it is a plateau).</param>
/// <param name="VanishingFraction">The fraction of the range where |f′| &lt; <see cref="AnalysisOptions.VanishingThreshold"/>.</param>
/// <param name="DeadFraction">The fraction of the range where f′ = 0 exactly (no gradient at all: dead units).</param>
/// <param name="SaturatesBelow">
/// The input at or below which |f′| stays under the threshold down to <paramref name="From"/> (the left saturation
/// boundary, refined by bisection), or null when the derivative is not vanishing at <paramref name="From"/>.
/// </param>
/// <param name="SaturatesAbove">The input at or above which |f′| stays under the threshold up to <paramref name="To"/>, or null.</param>
/// <param name="OutputMin">The smallest f over the range (sample points and both ends).</param>
/// <param name="OutputMax">The largest f over the range (sample points and both ends).</param>
/// <param name="Layers">The depth L of the layer products.</param>
/// <param name="LayerProducts">|f′(z)|^L at each typical pre-activation z: the factor a gradient picks up through L layers that each see z.</param>
/// <param name="ExpectedLayerProduct">
/// (E|f′(z)|)^L for z ~ N(0, <see cref="AnalysisOptions.PreActivationScale"/>²) drawn independently per layer: the
/// expected gradient scale through L layers (0.25^L-ish for sigmoid vanishes; 1 would preserve it).
/// </param>
/// <param name="Inputs">The sample points, for plotting.</param>
/// <param name="Values">f at each sample point.</param>
/// <param name="Derivatives">f′ at each sample point (analytic, from the generated backward kernel).</param>
public sealed record GradientFlow(
    string Name,
    double From,
    double To,
    double MeanAbsDerivative,
    double MaxAbsDerivative,
    double MaxAbsDerivativeAt,
    double VanishingFraction,
    double DeadFraction,
    double? SaturatesBelow,
    double? SaturatesAbove,
    double OutputMin,
    double OutputMax,
    int Layers,
    ImmutableArray<LayerProduct> LayerProducts,
    double ExpectedLayerProduct,
    ImmutableArray<double> Inputs,
    ImmutableArray<double> Values,
    ImmutableArray<double> Derivatives);

/// <summary>|f′(z)|^L: the factor by which L layers, each at pre-activation z, scale a gradient.</summary>
/// <param name="PreActivation">The pre-activation z.</param>
/// <param name="Product">|f′(z)|^L.</param>
public sealed record LayerProduct(double PreActivation, double Product);
