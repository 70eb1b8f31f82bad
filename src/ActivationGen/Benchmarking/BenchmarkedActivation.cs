namespace ActivationGen.Benchmarking;

/// <summary>
/// What a generated stub measures, for tools that turn its results into reports: the declaration, its formula,
/// and how many spans of which width each element reads, so that bytes per second can be computed.
/// </summary>
/// <param name="Declaration">"Activations.Silu".</param>
/// <param name="Formula">The formula as declared.</param>
/// <param name="Inputs">Input spans of the forward (one per elementwise input).</param>
/// <param name="ElementBytes">4 for float, 8 for double.</param>
public sealed record BenchmarkedActivation(string Declaration, string Formula, int Inputs, int ElementBytes);
