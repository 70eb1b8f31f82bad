using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes.Analysis;

/// <summary>The gradient-flow figures scene 8 prints for one activation.</summary>
public sealed record GradientFlowFigures(
    string Name,
    double MeanAbsSlope,
    double MaxAbsSlope,
    double VanishingFraction,
    double DeadFraction,
    double ActiveFrom,
    double ActiveTo,
    double OutputMin,
    double OutputMax,
    double LayerProduct);

/// <summary>
/// PLACEHOLDER until the <c>contract</c> branch lands <c>ActivationAnalysis</c> in src/ActivationGen: the same figures,
/// computed from the generated backward over a grid. Delete this file when the scene switches to the library API.
/// </summary>
public static class GradientFlowPlaceholder
{
    public const double VanishingThreshold = 0.01;

    public static GradientFlowFigures Analyze(string name, SpanForward forward, SpanBackward backward, double from, double to,
        int points, double[] typicalPreActivations, int layers)
    {
        var xs = Enumerable.Range(0, points).Select(i => from + (to - from) * (i + 0.5) / points).ToArray();
        var slopes = Curves.Derivative(backward, xs).Select(Math.Abs).ToArray();
        var outputs = Curves.Forward(forward, xs);
        var active = xs.Where((_, i) => slopes[i] >= VanishingThreshold).ToArray();
        double typical = Curves.Derivative(backward, typicalPreActivations).Select(Math.Abs).Average();
        return new GradientFlowFigures(
            name,
            slopes.Average(),
            slopes.Max(),
            slopes.Count(s => s < VanishingThreshold) / (double)points,
            slopes.Count(s => s == 0) / (double)points,
            active.Length == 0 ? double.NaN : active.Min(),
            active.Length == 0 ? double.NaN : active.Max(),
            outputs.Min(),
            outputs.Max(),
            Math.Pow(typical, layers));
    }
}
