using System.Linq;
using ActivationGen.Generator.Formula;
using ActivationGen.Generator.Lowering;

namespace ActivationGen.Generator.Emit;

/// <summary>
/// Whether a span loop runs two vectors at a time (<c>VecPair</c>, their instructions interleaved) at a width: where
/// two copies of the kernel still fit the registers and the JIT's locals. A kernel's size is estimated from its tape,
/// each call into the vector math weighted by the arithmetic instructions the JIT emits for it.
/// </summary>
/// <remarks>
/// The limits are measured (probe <c>kernels</c>, L1, AMD EPYC Zen 5 class, side by side with single vectors): at 512
/// bits, 32 registers, the kernels up to GELU-tanh's backward (about 60) gained up to 30% (none lost more than the
/// noise), and the larger ones lost: TanhShrink's backward 26%, Snake's backward and LogCosh ran out of JIT locals
/// (6× slower), Mish's backward did not move. At 256 bits, 16 registers, the kernels up to 30 gained (sigmoid, tanh,
/// softplus: up to 12%), GELU (33 forward, 39 backward) and Squareplus's backward (37) lost 4–5% and 42%, and SiLU's
/// and Swish's backward (about 50) gained 9–10% but sit among them. The 128-bit width takes the 256-bit limit.
/// </remarks>
internal static class KernelPairing
{
    private const int LargestPairedAt512 = 60;
    private const int LargestPairedNarrower = 30;

    /// <summary>Whether the <paramref name="element"/> kernel of <paramref name="member"/> runs paired at <paramref name="width"/>.</summary>
    /// <remarks>
    /// Float only: the double vector math is about twice as long per function (SwishDouble's backward, paired, ran at
    /// 2.89 ns/element against 0.78 single at 1M on AVX-512; its forward gained 2%). Never the forward with derivative:
    /// paired, CELU's, SELU's and Squareplus's ran the JIT out of locals at 512 bits (CELU and SELU at 1.32 and 1.73
    /// ns/element in L1 against 0.34 and 0.31 single), though their size is that of kernels that pair well (two outputs
    /// keep more values live).
    /// </remarks>
    public static bool Pairs(string width, SpanMember member, string element) =>
        element == "float" && !member.IsForwardWithDerivative && member.Tape is { } tape
        && Size(tape) <= (width == "Vec512" ? LargestPairedAt512 : LargestPairedNarrower);

    internal static int Size(Tape tape) => tape.Instructions.Sum(i => Instructions(i.Op));

    // JIT arithmetic instructions per vector at 512 bits (docs/cost-model.md counts them), rounded.
    private static int Instructions(Op op) => op switch
    {
        Op.Exp or Op.Gaussian or Op.GaussianOverRoot2 => 14,
        Op.Sigmoid => 17,
        Op.Expm1 or Op.Log or Op.Log1p or Op.SigmoidDerivative or Op.TanhDerivative => 20,
        Op.Softplus => 22,
        Op.Tanh => 23,
        Op.TanhSoftplus or Op.Atan => 25,
        Op.Sin or Op.Cos or Op.Erf => 30,
        Op.Gelu => 33,
        Op.Tan or Op.Erfc or Op.ErfcOverRoot2 or Op.GeluDerivative or Op.TanhSoftplusDerivative => 35,
        Op.Power => 40,
        // A square root holds the divider as long as 8 FMAs issue (1.08 ns against 0.14 at 512 bits); a division
        // (0.6 ns) overlaps the arithmetic, as measured.
        Op.Sqrt => 8,
        Op.Sign or Op.Clamp => 2,
        _ => 1,
    };
}
