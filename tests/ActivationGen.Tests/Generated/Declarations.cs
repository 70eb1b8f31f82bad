using System;

namespace ActivationGen.Tests.Generated;

// Declarations compiled by the real generator, once over float and once over double, with the same formulas.
// Together they use every operator and every function of the formula language. The interface is the
// generated API written out by hand: if the generator emitted any member with another shape, this would
// not compile. It also lets one generic catalog (Catalog.cs) drive both element types.

public interface IActivations<T>
{
    static abstract T Swish(T x, T beta);
    static abstract void Swish(ReadOnlySpan<T> x, Span<T> y, T beta);
    static abstract void SwishBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T beta);
    static abstract void SwishBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T beta, out T dBeta);
    static abstract T SwishDerivative(T x, T beta);
    static abstract void SwishWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T beta);

    static abstract T Elu(T x, T alpha);
    static abstract void Elu(ReadOnlySpan<T> x, Span<T> y, T alpha);
    static abstract void EluBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T alpha);
    static abstract T EluDerivative(T x, T alpha);
    static abstract void EluWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T alpha);
    static abstract void EluBackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, T alpha);

    static abstract T Gated(T x, T h);
    static abstract void Gated(ReadOnlySpan<T> x, ReadOnlySpan<T> h, Span<T> y);
    static abstract void GatedBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh);

    static abstract T Mix3(T x, T h, T c);
    static abstract void Mix3(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> c, Span<T> y);
    static abstract void Mix3Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> c, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh, Span<T> dc);

    static abstract T GeluTanh(T x);
    static abstract void GeluTanh(ReadOnlySpan<T> x, Span<T> y);
    static abstract void GeluTanhBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T GeluTanhDerivative(T x);
    static abstract void GeluTanhWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T GeluErf(T x);
    static abstract void GeluErf(ReadOnlySpan<T> x, Span<T> y);
    static abstract void GeluErfBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T GeluErfDerivative(T x);
    static abstract void GeluErfWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Mish(T x);
    static abstract void Mish(ReadOnlySpan<T> x, Span<T> y);
    static abstract void MishBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T MishDerivative(T x);
    static abstract void MishWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Snake(T x, T freq);
    static abstract void Snake(ReadOnlySpan<T> x, Span<T> y, T freq);
    static abstract void SnakeBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T freq);
    static abstract void SnakeBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T freq, out T dFreq);
    static abstract T SnakeDerivative(T x, T freq);
    static abstract void SnakeWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T freq);

    static abstract T Powers(T x);
    static abstract void Powers(ReadOnlySpan<T> x, Span<T> y);
    static abstract void PowersBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T PowersDerivative(T x);
    static abstract void PowersWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T IntPowers(T x);
    static abstract void IntPowers(ReadOnlySpan<T> x, Span<T> y);
    static abstract void IntPowersBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T IntPowersDerivative(T x);
    static abstract void IntPowersWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T PowInputs(T x, T h);
    static abstract void PowInputs(ReadOnlySpan<T> x, ReadOnlySpan<T> h, Span<T> y);
    static abstract void PowInputsBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh);

    static abstract T PowTrainable(T x, T p);
    static abstract void PowTrainable(ReadOnlySpan<T> x, Span<T> y, T p);
    static abstract void PowTrainableBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T p);
    static abstract void PowTrainableBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T p, out T dP);
    static abstract T PowTrainableDerivative(T x, T p);
    static abstract void PowTrainableWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T p);

    static abstract T Logs(T x);
    static abstract void Logs(ReadOnlySpan<T> x, Span<T> y);
    static abstract void LogsBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T LogsDerivative(T x);
    static abstract void LogsWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Stabilized(T x);
    static abstract void Stabilized(ReadOnlySpan<T> x, Span<T> y);
    static abstract void StabilizedBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T StabilizedDerivative(T x);
    static abstract void StabilizedWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Trig(T x);
    static abstract void Trig(ReadOnlySpan<T> x, Span<T> y);
    static abstract void TrigBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T TrigDerivative(T x);
    static abstract void TrigWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T AbsSign(T x);
    static abstract void AbsSign(ReadOnlySpan<T> x, Span<T> y);
    static abstract void AbsSignBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T AbsSignDerivative(T x);
    static abstract void AbsSignWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T MinMaxClamp(T x, T h);
    static abstract void MinMaxClamp(ReadOnlySpan<T> x, ReadOnlySpan<T> h, Span<T> y);
    static abstract void MinMaxClampBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh);

    static abstract T Clamped(T x, T lo, T hi);
    static abstract void Clamped(ReadOnlySpan<T> x, Span<T> y, T lo, T hi);
    static abstract void ClampedBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T lo, T hi);
    static abstract void ClampedBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T lo, T hi, out T dLo, out T dHi);
    static abstract T ClampedDerivative(T x, T lo, T hi);
    static abstract void ClampedWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T lo, T hi);

    static abstract T Branches(T x, T h);
    static abstract void Branches(ReadOnlySpan<T> x, ReadOnlySpan<T> h, Span<T> y);
    static abstract void BranchesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh);

    static abstract T Equality(T x, T k);
    static abstract void Equality(ReadOnlySpan<T> x, ReadOnlySpan<T> k, Span<T> y);
    static abstract void EqualityBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> k, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dk);

    static abstract T Constants(T x);
    static abstract void Constants(ReadOnlySpan<T> x, Span<T> y);
    static abstract void ConstantsBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T ConstantsDerivative(T x);
    static abstract void ConstantsWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Smooth(T x, T a, T eps, T b, T scale);
    static abstract void Smooth(ReadOnlySpan<T> x, Span<T> y, T a, T eps, T b, T scale);
    static abstract void SmoothBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T a, T eps, T b, T scale);
    static abstract void SmoothBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T a, T eps, T b, T scale, out T dA, out T dB);
    static abstract T SmoothDerivative(T x, T a, T eps, T b, T scale);
    static abstract void SmoothWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T a, T eps, T b, T scale);

    static abstract T Deep3(T x, T h, T c, T a, T b);
    static abstract void Deep3(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> c, Span<T> y, T a, T b);
    static abstract void Deep3Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> c, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh, Span<T> dc, T a, T b);
    static abstract void Deep3Backward(ReadOnlySpan<T> x, ReadOnlySpan<T> h, ReadOnlySpan<T> c, ReadOnlySpan<T> dy, Span<T> dx, Span<T> dh, Span<T> dc, T a, T b, out T dA, out T dB);

    static abstract T Affine(T x, T a, T b);
    static abstract void Affine(ReadOnlySpan<T> x, Span<T> y, T a, T b);
    static abstract void AffineBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T a, T b);
    static abstract void AffineBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx, T a, T b, out T dA, out T dB);
    static abstract T AffineDerivative(T x, T a, T b);
    static abstract void AffineWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative, T a, T b);
    static abstract void AffineBackwardFromOutput(ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx, T a, T b);

    static abstract T LogBranch(T x);
    static abstract void LogBranch(ReadOnlySpan<T> x, Span<T> y);
    static abstract void LogBranchBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T LogBranchDerivative(T x);
    static abstract void LogBranchWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Rewrites(T x);
    static abstract void Rewrites(ReadOnlySpan<T> x, Span<T> y);
    static abstract void RewritesBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dx);
    static abstract T RewritesDerivative(T x);
    static abstract void RewritesWithDerivative(ReadOnlySpan<T> x, Span<T> y, Span<T> derivative);

    static abstract T Hygiene(T last, T width, T xRef, T i, T block, T dy);
    static abstract void Hygiene(ReadOnlySpan<T> last, ReadOnlySpan<T> width, ReadOnlySpan<T> xRef, Span<T> y, T i, T block, T dy);
    static abstract void HygieneBackward(ReadOnlySpan<T> last, ReadOnlySpan<T> width, ReadOnlySpan<T> xRef, ReadOnlySpan<T> dy2, Span<T> dLast, Span<T> dWidth, Span<T> dXRef, T i, T block, T dy);
    static abstract void HygieneBackward(ReadOnlySpan<T> last, ReadOnlySpan<T> width, ReadOnlySpan<T> xRef, ReadOnlySpan<T> dy2, Span<T> dLast, Span<T> dWidth, Span<T> dXRef, T i, T block, T dy, out T dBlock, out T dDy);
}
