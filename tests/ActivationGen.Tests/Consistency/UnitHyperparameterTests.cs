using System.Runtime.Intrinsics;
using ActivationGen.Simd;
using ActivationGen.Tests.Simd;

namespace ActivationGen.Tests.Consistency;

/// <summary>
/// While a hyperparameter declared with a default of 1 is 1, the span members run kernels without its products and
/// quotients (Softplus's β, ELU's and CELU's α). Their results are the full kernels' at 1, bit for bit: the full
/// kernels are what the activation structs run per vector, here at the width the span members take.
/// </summary>
public sealed class UnitHyperparameterTests
{
    private static readonly float[] X = Inputs.Singles(wholeRange: 1 << 18, dense: 1 << 16);
    // Every special value as dy too (∞·0 is where a gate and a product differ), against every x in turn.
    private static readonly float[] Dy = [.. X.Reverse()];

    [Fact]
    public void SoftplusAtBetaOne() => Check(
        new Activations.SoftplusActivation(1f, 20f),
        (x, y) => Activations.Softplus(x, y),
        (x, dy, dx) => Activations.SoftplusBackward(x, dy, dx),
        (x, y, d) => Activations.SoftplusWithDerivative(x, y, d));

    [Fact]
    public void SoftplusAtBetaOneAndAnotherThreshold() => Check(
        new Activations.SoftplusActivation(1f, 3f),
        (x, y) => Activations.Softplus(x, y, 1f, 3f),
        (x, dy, dx) => Activations.SoftplusBackward(x, dy, dx, 1f, 3f),
        (x, y, d) => Activations.SoftplusWithDerivative(x, y, d, 1f, 3f));

    [Fact]
    public void EluAtAlphaOne() => Check(
        new Activations.EluActivation(1f),
        (x, y) => Activations.Elu(x, y),
        (x, dy, dx) => Activations.EluBackward(x, dy, dx),
        (x, y, d) => Activations.EluWithDerivative(x, y, d));

    [Fact]
    public void CeluAtAlphaOne() => Check(
        new Activations.CeluActivation(1f),
        (x, y) => Activations.Celu(x, y),
        (x, dy, dx) => Activations.CeluBackward(x, dy, dx),
        (x, y, d) => Activations.CeluWithDerivative(x, y, d));

    private delegate void Forward(ReadOnlySpan<float> x, Span<float> y);

    private delegate void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx);

    private delegate void WithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> derivative);

    private static void Check<TAct>(TAct act, Forward forward, Backward backward, WithDerivative withDerivative)
        where TAct : struct, IUnaryActivation<float>
    {
        if (Vector512.IsHardwareAccelerated)
            Check<TAct, Vec512<float>>(act, forward, backward, withDerivative);
        else if (Vector256.IsHardwareAccelerated)
            Check<TAct, Vec256<float>>(act, forward, backward, withDerivative);
        else if (Vector128.IsHardwareAccelerated)
            Check<TAct, Vec128<float>>(act, forward, backward, withDerivative);
        else
            Check<TAct, Vec1<float>>(act, forward, backward, withDerivative);
    }

    private static void Check<TAct, TV>(TAct act, Forward forward, Backward backward, WithDerivative withDerivative)
        where TAct : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        int n = X.Length;
        var (y, dx, withY, derivative) = (new float[n], new float[n], new float[n], new float[n]);
        forward(X, y);
        backward(X, Dy, dx);
        withDerivative(X, withY, derivative);

        var (expectedY, expectedDx, expectedDerivative) = (new float[n], new float[n], new float[n]);
        var one = TV.Create(1f);
        for (int i = 0; i < n; i += TV.Count)
        {
            var x = TV.LoadUnsafe(ref X[0], (nuint)i);
            TV.StoreUnsafe(act.Forward(x, []), ref expectedY[0], (nuint)i);
            TV.StoreUnsafe(act.Backward(x, TV.LoadUnsafe(ref Dy[0], (nuint)i), [], []), ref expectedDx[0], (nuint)i);
            TV.StoreUnsafe(act.Backward(x, one, [], []), ref expectedDerivative[0], (nuint)i);
        }

        string name = typeof(TAct).Name;
        AssertSameBits(expectedY, y, name, "forward", null);
        AssertSameBits(expectedDx, dx, name, "backward", Dy);
        AssertSameBits(expectedY, withY, name, "forward of WithDerivative", null);
        AssertSameBits(expectedDerivative, derivative, name, "derivative of WithDerivative", null);
    }

    private static void AssertSameBits(float[] expected, float[] actual, string name, string what, float[]? dy)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{name} {what} at x = {X[i]:R}{(dy is null ? "" : $", dy = {dy[i]:R}")}: full kernel {expected[i]:R}, span member {actual[i]:R}");
    }
}
