namespace ActivationGen.Layers;

/// <summary>What a recurrent cell feeds to its activation's second input (the first is always the pre-activation a = W·xₜ + U·hₜ₋₁ + b).</summary>
public enum RecurrentInput
{
    /// <summary>No second input: a one-input activation, hₜ = f(a).</summary>
    None,

    /// <summary>The previous hidden state, element by element: hₜ = f(a, hₜ₋₁) (a gate mixing the new candidate with the old state).</summary>
    PreviousState,

    /// <summary>The elapsed time of the step, the same for every hidden unit of a sample: hₜ = f(a, Δtₜ) (a time-aware decay).</summary>
    Time,
}
