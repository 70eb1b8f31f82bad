using System.Runtime.Intrinsics;
using ActivationGen.Simd;
using ActivationGen.Tests.Simd;

namespace ActivationGen.Tests.Consistency;

/// <summary>
/// While a hyperparameter declared with a default of 1 is 1, the span members run kernels without its products and
/// quotients (Softplus's β, ELU's and CELU's α). Their results are the full kernels' at 1, bit for bit, and so are
/// the activation structs' (the layers' per-vector path, which runs the full kernels). The reference is
/// <see cref="FullKernels"/>: the catalog's formulas declared with no default of 1, which the generator gives no unit kernels.
/// </summary>
public sealed class UnitHyperparameterTests
{
    private static readonly float[] X = Inputs.Singles(wholeRange: 1 << 18, dense: 1 << 16);
    // Every special value as dy too (∞·0 is where a gate and a product differ), against every x in turn.
    private static readonly float[] Dy = [.. X.Reverse()];

    [Fact]
    public void SoftplusAtBetaOne() => Check(
        new FullKernels.SoftplusActivation(1f, 20f),
        new Activations.SoftplusActivation(1f, 20f),
        (x, y) => Activations.Softplus(x, y),
        (x, dy, dx) => Activations.SoftplusBackward(x, dy, dx),
        (x, y, d) => Activations.SoftplusWithDerivative(x, y, d));

    [Fact]
    public void SoftplusAtBetaOneAndAnotherThreshold() => Check(
        new FullKernels.SoftplusActivation(1f, 3f),
        new Activations.SoftplusActivation(1f, 3f),
        (x, y) => Activations.Softplus(x, y, 1f, 3f),
        (x, dy, dx) => Activations.SoftplusBackward(x, dy, dx, 1f, 3f),
        (x, y, d) => Activations.SoftplusWithDerivative(x, y, d, 1f, 3f));

    // Away from 1 the span members must take the full kernels.
    [Fact]
    public void SoftplusAtAnotherBeta() => Check(
        new FullKernels.SoftplusActivation(0.75f, 20f),
        new Activations.SoftplusActivation(0.75f, 20f),
        (x, y) => Activations.Softplus(x, y, 0.75f),
        (x, dy, dx) => Activations.SoftplusBackward(x, dy, dx, 0.75f),
        (x, y, d) => Activations.SoftplusWithDerivative(x, y, d, 0.75f));

    [Fact]
    public void EluAtAlphaOne() => Check(
        new FullKernels.EluActivation(1f),
        new Activations.EluActivation(1f),
        (x, y) => Activations.Elu(x, y),
        (x, dy, dx) => Activations.EluBackward(x, dy, dx),
        (x, y, d) => Activations.EluWithDerivative(x, y, d));

    [Fact]
    public void CeluAtAlphaOne() => Check(
        new FullKernels.CeluActivation(1f),
        new Activations.CeluActivation(1f),
        (x, y) => Activations.Celu(x, y),
        (x, dy, dx) => Activations.CeluBackward(x, dy, dx),
        (x, y, d) => Activations.CeluWithDerivative(x, y, d));

    [Fact]
    public void CeluAtAnotherAlpha() => Check(
        new FullKernels.CeluActivation(1.5f),
        new Activations.CeluActivation(1.5f),
        (x, y) => Activations.Celu(x, y, 1.5f),
        (x, dy, dx) => Activations.CeluBackward(x, dy, dx, 1.5f),
        (x, y, d) => Activations.CeluWithDerivative(x, y, d, 1.5f));

    private delegate void Forward(ReadOnlySpan<float> x, Span<float> y);

    private delegate void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx);

    private delegate void WithDerivative(ReadOnlySpan<float> x, Span<float> y, Span<float> derivative);

    private static void Check<TFull, TAct>(TFull full, TAct act, Forward forward, Backward backward, WithDerivative withDerivative)
        where TFull : struct, IUnaryActivation<float>
        where TAct : struct, IUnaryActivation<float>
    {
        if (Vector512.IsHardwareAccelerated)
            Check<TFull, TAct, Vec512<float>>(full, act, forward, backward, withDerivative);
        else if (Vector256.IsHardwareAccelerated)
            Check<TFull, TAct, Vec256<float>>(full, act, forward, backward, withDerivative);
        else if (Vector128.IsHardwareAccelerated)
            Check<TFull, TAct, Vec128<float>>(full, act, forward, backward, withDerivative);
        else
            Check<TFull, TAct, Vec1<float>>(full, act, forward, backward, withDerivative);
    }

    private static void Check<TFull, TAct, TV>(TFull full, TAct act, Forward forward, Backward backward, WithDerivative withDerivative)
        where TFull : struct, IUnaryActivation<float>
        where TAct : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        int n = X.Length;
        var (y, dx, withY, derivative) = (new float[n], new float[n], new float[n], new float[n]);
        forward(X, y);
        backward(X, Dy, dx);
        withDerivative(X, withY, derivative);

        var (expectedY, expectedDx, expectedDerivative) = Run<TFull, TV>(full);
        var (structY, structDx, _) = Run<TAct, TV>(act);

        string name = typeof(TAct).Name;
        AssertSameBits(expectedY, y, name, "span forward", null);
        AssertSameBits(expectedDx, dx, name, "span backward", Dy);
        AssertSameBits(expectedY, withY, name, "forward of WithDerivative", null);
        AssertSameBits(expectedDerivative, derivative, name, "derivative of WithDerivative", null);
        AssertSameBits(expectedY, structY, name, "struct forward", null);
        AssertSameBits(expectedDx, structDx, name, "struct backward", Dy);
    }

    /// <summary>The struct's per-vector forward, backward and derivative (backward with dy = 1) over every x.</summary>
    private static (float[] Y, float[] Dx, float[] Derivative) Run<TAct, TV>(TAct act)
        where TAct : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        int n = X.Length;
        var (y, dx, derivative) = (new float[n], new float[n], new float[n]);
        var one = TV.Create(1f);
        for (int i = 0; i < n; i += TV.Count)
        {
            var x = TV.LoadUnsafe(ref X[0], (nuint)i);
            TV.StoreUnsafe(act.Forward(x, []), ref y[0], (nuint)i);
            TV.StoreUnsafe(act.Backward(x, TV.LoadUnsafe(ref Dy[0], (nuint)i), [], []), ref dx[0], (nuint)i);
            TV.StoreUnsafe(act.Backward(x, one, [], []), ref derivative[0], (nuint)i);
        }
        return (y, dx, derivative);
    }

    private static void AssertSameBits(float[] expected, float[] actual, string name, string what, float[]? dy)
    {
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{name} {what} at x = {X[i]:R}{(dy is null ? "" : $", dy = {dy[i]:R}")}: full kernel {expected[i]:R}, got {actual[i]:R}");
    }
}

/// <summary>
/// The catalog's Softplus, ELU and CELU formulas, with defaults other than 1: the generator makes unit kernels only
/// for a hyperparameter declared as 1, so these structs run the full kernels at every value.
/// </summary>
public static partial class FullKernels
{
    [Activation("x * beta > threshold ? x : softplus(beta * x) / beta")]
    public static partial float Softplus(float x, [Param] float beta = 2f, [Param] float threshold = 20f);

    [Activation("x > 0 ? x : alpha * (exp(x) - 1)")]
    public static partial float Elu(float x, [Param] float alpha = 2f);

    [Activation("x > 0 ? x : alpha * (exp(x / alpha) - 1)")]
    public static partial float Celu(float x, [Param] float alpha = 2f);
}
