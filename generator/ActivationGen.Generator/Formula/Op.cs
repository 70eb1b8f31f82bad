namespace ActivationGen.Generator.Formula;

/// <summary>
/// Every operation a formula tree can hold: operators, the functions a formula may call, and the internal
/// functions the generator itself introduces. What the generator knows about each lives in
/// <see cref="Functions"/>; a test walks every member of this enum through that table.
/// </summary>
internal enum Op
{
    Add, Subtract, Multiply, Divide, Negate, Power,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    And, Or, Not, Select,
    Exp, Log, Log1p, Expm1, Sqrt, Abs, Sign, Min, Max, Clamp,
    Sin, Cos, Tan, Tanh, Sigmoid, Softplus, Erf, Erfc, Atan,

    /// <summary>a·b + c rounded once: made by the lowering from a product used only by a sum, never written.</summary>
    MultiplyAdd,

    /// <summary>tanh(softplus(u)), the core of mish, fused by the rewriter: one exp and one division.</summary>
    TanhSoftplus,

    /// <summary>e^(−u²), the Gaussian in erf′ and erfc′, with u² kept exact so that far tails keep their digits.</summary>
    Gaussian,

    /// <summary>erfc(u/√2) = 2Φ(−u), the normal tail of GELU, with e^(−u²/2) taken from the exact u² (no rounding of u/√2 magnified in the tail).</summary>
    ErfcOverRoot2,

    /// <summary>e^(−u²/2), the normal density without its 1/√(2π), from the exact u².</summary>
    GaussianOverRoot2,

    /// <summary>GELU, u·Φ(u) = u·erfc(−u/√2)/2, fused by the rewriter: accurate in relative terms in its negative tail, where Φ alone is subnormal.</summary>
    Gelu,

    /// <summary>GELU′(u) = Φ(u) + u·φ(u), with one exp and one division for both terms.</summary>
    GeluDerivative,

    /// <summary>σ′(u) = σ(u)·σ(−u), without the cancellation of σ(1 − σ) where σ is near 1.</summary>
    SigmoidDerivative,

    /// <summary>tanh′(u) = 1 − tanh²(u), computed as 4e^(−2|u|)/(1 + e^(−2|u|))²: no cancellation near |tanh| = 1.</summary>
    TanhDerivative,

    /// <summary>d/du tanh(softplus(u)) = (1 − tanh²(softplus(u)))·σ(u), as one ratio of positive terms.</summary>
    TanhSoftplusDerivative,
}
