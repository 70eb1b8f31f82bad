using System.Collections.Immutable;

namespace ActivationGen;

/// <summary>What a generated activation says about itself: for reports, the tour, <c>explain</c> and layers' error messages.</summary>
/// <param name="Name">The declared method's name, e.g. <c>Silu</c>.</param>
/// <param name="Formula">The formula as the user wrote it.</param>
/// <param name="Inputs">The elementwise inputs' names, in order.</param>
/// <param name="Parameters">The hyperparameters' (<c>[Param]</c>) names, in order.</param>
/// <param name="Trainables">The trainable parameters' names, in order.</param>
/// <param name="Derivatives">Readable ∂f/∂name for every input, then every trainable, in that order; past 5,000 characters cut short, ending in "…" (a long product's derivative written out is quadratic in its length).</param>
/// <param name="BackwardFromOutput">The derivative written in terms of the output <c>y</c>, or null when there is none.</param>
public sealed record ActivationInfo(
    string Name,
    string Formula,
    ImmutableArray<string> Inputs,
    ImmutableArray<string> Parameters,
    ImmutableArray<string> Trainables,
    ImmutableArray<string> Derivatives,
    string? BackwardFromOutput);
