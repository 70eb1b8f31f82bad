using ActivationGen.Generator.Formula;

namespace ActivationGen.Generator.Calculus;

/// <summary>
/// The guards derivative rules put around a local derivative, and the switch that leaves them out of the
/// derivatives shown in docs (they change no finite result, so the math reads without them).
/// </summary>
/// <remarks>
/// A saturation gate holds where the local derivative is exactly 0 in float and double: there it must stay 0
/// when the rest of the chain is infinite (tanh(x³)′ at x = 1e13 is 0·∞ otherwise, and swish′(+∞) is
/// σ(∞) + ∞·σ′(∞)), which gives the finite limit; a flat gate likewise where the function is constant in an
/// argument but its local derivative is 0·∞ or NaN (0^p, 1^p). Every gate is written so that its condition is
/// false for a NaN in what it guards, and a NaN input therefore reaches the derivative itself and gives NaN,
/// not 0; only where the value itself absorbs the NaN (1^NaN = 1) is the gradient through it 0 as well.
/// </remarks>
internal sealed class Gates
{
    public static readonly Gates On = new(true);
    public static readonly Gates Off = new(false);

    private static readonly Expr Infinity = Trees.Num(double.PositiveInfinity);

    private readonly bool enabled;

    private Gates(bool enabled) => this.enabled = enabled;

    /// <summary>0 where |u| ≥ <paramref name="limit"/>.</summary>
    public Expr Saturating(Expr u, Expr limit, Expr adjoint) =>
        Gate(Trees.Compare(Op.GreaterOrEqual, Trees.Call(Op.Abs, u), limit), adjoint);

    /// <summary>0 where u ≤ <paramref name="limit"/>.</summary>
    public Expr AtMost(Expr u, Expr limit, Expr adjoint) => Gate(Trees.Compare(Op.LessOrEqual, u, limit), adjoint);

    /// <summary>0 where u is +∞ (1/u and its kin are exactly 0 only there).</summary>
    public Expr AtInfinity(Expr u, Expr adjoint) => Gate(Trees.Compare(Op.GreaterOrEqual, u, Infinity), adjoint);

    /// <summary>0 where u ≤ <paramref name="low"/> or u ≥ <paramref name="high"/>.</summary>
    public Expr OutsideOpen(Expr u, Expr low, Expr high, Expr adjoint) =>
        Gate(Trees.Logic(Op.Or, Trees.Compare(Op.LessOrEqual, u, low), Trees.Compare(Op.GreaterOrEqual, u, high)), adjoint);

    /// <summary>0 where <paramref name="flat"/> holds: the function is flat in this argument there, but its local derivative is 0·∞ or NaN.</summary>
    public Expr FlatWhere(Expr flat, Expr adjoint) => Gate(flat, adjoint);

    /// <summary>
    /// NaN where u is NaN and its adjoint <paramref name="g"/> is live: a branch the rule chose by comparing u
    /// would otherwise turn NaN into 0 or g. Where g is 0 (u on the side of a ?: not taken), it stays 0, or
    /// that side's NaN would reach a gradient whose taken side is finite: so u·g, which keeps the zeros of g's
    /// gates; where g has none, u·g is NaN exactly where u is, and u alone serves.
    /// </summary>
    public Expr KeepNaN(Expr u, Expr g, Expr adjoint) =>
        !enabled || u is Num ? adjoint : Trees.Select(Trees.Compare(Op.NotEqual, u, u), Trees.IsGated(g) ? Trees.Multiply(u, g) : u, adjoint);

    private Expr Gate(Expr flat, Expr adjoint) => enabled ? Trees.Select(flat, Trees.Zero, adjoint) : adjoint;
}
