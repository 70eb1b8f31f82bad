namespace ActivationGen;

/// <summary>
/// The built-in catalog: the activations people use, each declared by its formula and implemented by the
/// ActivationGen generator, with PyTorch's values and PyTorch's derivatives at the kinks.
/// </summary>
/// <remarks>
/// <para>Every entry <c>Name</c> gets the whole generated API: the scalar <c>Name(x, …)</c>, the span forward
/// <c>Name(x, y, …)</c> (in place allowed), <c>NameBackward(x, dy, dx, …)</c>, <c>NameBackward(…, out dQ)</c>
/// for each <see cref="TrainableAttribute"/> parameter, <c>NameWithDerivative(x, y, derivative, …)</c> (f and f′ in one
/// pass, for <see cref="SavedDerivative"/>) and the scalar <c>NameDerivative(x, …)</c>.</para>
/// <para>Kinks follow PyTorch: a branch differentiates the side it takes, so the derivative at a kink is the
/// one of the side the formula's condition selects there (ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = α,
/// HardTanh'(±1) = 0, HardSwish'(−3) = 0 and HardSwish'(3) = 1, Shrink'(±λ) = 0, Threshold'(threshold) = 0).
/// The row operations (<see cref="Softmax(System.ReadOnlySpan{float}, System.Span{float})"/> and friends) and
/// <see cref="Glu(System.ReadOnlySpan{float}, System.Span{float})"/> are written by hand; the fast
/// approximations live in <see cref="ApproximateActivations"/>. docs/catalog.md lists every entry with its
/// measured accuracy.</para>
/// </remarks>
public static partial class Activations;
