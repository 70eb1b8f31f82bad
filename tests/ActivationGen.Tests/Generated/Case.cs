using System;
using System.Linq;
using System.Numerics;

namespace ActivationGen.Tests.Generated;

internal delegate T ScalarFn<T>(T[] x, T[] p);
internal delegate void ForwardFn<T>(ReadOnlyMemory<T>[] x, Memory<T> y, T[] p);
internal delegate void BackwardFn<T>(ReadOnlyMemory<T>[] x, ReadOnlyMemory<T> dy, Memory<T>[] dx, T[] p);
internal delegate void BackwardSumsFn<T>(ReadOnlyMemory<T>[] x, ReadOnlyMemory<T> dy, Memory<T>[] dx, T[] p, T[] sums);
internal delegate T DerivativeFn<T>(T x, T[] p);
internal delegate void WithDerivativeFn<T>(ReadOnlyMemory<T>[] x, Memory<T> y, Memory<T> derivative, T[] p);

/// <summary>
/// An elementwise input: drawn uniformly from [Low, High], or from <see cref="Levels"/> for an input that a
/// formula only compares with <c>==</c>/<c>!=</c> (its gradient is then zero by the branch rule).
/// </summary>
internal sealed record Input(string Name, double Low, double High, double[]? Levels = null)
{
    public bool IsDiscrete => Levels is not null;

    public double Draw(Random random) =>
        Levels is { } levels ? levels[random.Next(levels.Length)] : Low + (High - Low) * random.NextDouble();
}

/// <summary>A scalar parameter in declaration order: a [Param], or a [Trainable] that gets a gradient sum.</summary>
internal sealed record Parameter(string Name, double Value, bool Trainable);

/// <summary>
/// One declaration, seen through adapters over its generated members, with a hand-written double
/// reference of the same formula and the region where that reference may be differentiated numerically.
/// </summary>
internal sealed class Case<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public required string Name { get; init; }
    public required string Formula { get; init; }
    public required Input[] Inputs { get; init; }
    public Parameter[] Parameters { get; init; } = [];

    /// <summary>The formula evaluated in double: f(inputs, parameters in declaration order).</summary>
    public required Func<double[], double[], double> Reference { get; init; }

    /// <summary>
    /// False where a point lies within the finite-difference reach of a kink or branch switch, or outside
    /// the domain; such points are redrawn.
    /// </summary>
    public Func<double[], double[], bool> Smooth { get; init; } = static (_, _) => true;

    public required ScalarFn<T> Scalar { get; init; }
    public required ForwardFn<T> Forward { get; init; }
    public required BackwardFn<T> Backward { get; init; }
    public BackwardSumsFn<T>? BackwardSums { get; init; }
    public DerivativeFn<T>? Derivative { get; init; }
    public WithDerivativeFn<T>? WithDerivative { get; init; }

    /// <summary>The name of the span that carries the output gradient (renamed when a parameter is called dy).</summary>
    public string SeedName { get; init; } = "dy";

    /// <summary>The generated name of input j's gradient span: dx for x, dLast for last.</summary>
    public string GradientName(int j) =>
        Inputs[j].Name is { Length: 1 } single ? "d" + single : "d" + char.ToUpperInvariant(Inputs[j].Name[0]) + Inputs[j].Name[1..];

    public int[] TrainableIndices => Enumerable.Range(0, Parameters.Length).Where(i => Parameters[i].Trainable).ToArray();

    public T[] ParameterValues => Parameters.Select(p => T.CreateTruncating(p.Value)).ToArray();

    public override string ToString() => $"{Name}: {Formula}";
}
