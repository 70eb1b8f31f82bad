using System.Collections.Immutable;

namespace ActivationGen;

/// <summary>How <see cref="ActivationAnalysis"/> samples an activation; every property has a sensible default.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The options used when none are given.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Sample points over the range: the midpoints of this many equal cells (default 10,000).</summary>
    public int Points { get; init; } = 10_000;

    /// <summary>|f′| below this counts as vanishing, and marks saturation (default 0.01), compared in the activation's element type.</summary>
    public double VanishingThreshold { get; init; } = 0.01;

    /// <summary>Depth L of the layer products (default 10).</summary>
    public int Layers { get; init; } = 10;

    /// <summary>The pre-activations at which |f′|^L is reported (default −2, −1, 0, 1, 2).</summary>
    public ImmutableArray<double> TypicalPreActivations { get; init; } = [-2, -1, 0, 1, 2];

    /// <summary>Standard deviation of the normal pre-activations of <see cref="GradientFlow.ExpectedLayerProduct"/> (default 1).</summary>
    public double PreActivationScale { get; init; } = 1;
}
