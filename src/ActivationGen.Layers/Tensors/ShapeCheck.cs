using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>Up-front shape checks whose message names the layer, the tensor and both shapes.</summary>
public static class ShapeCheck
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="tensor"/> has the rank of <paramref name="expected"/>
    /// and its dimensions, where a negative expected dimension accepts any size (the batch).
    /// </summary>
    /// <param name="tensor">The tensor checked.</param>
    /// <param name="owner">The layer or loss checking, e.g. <c>dense1</c>.</param>
    /// <param name="tensorName">What the tensor is to it, e.g. <c>input</c> or <c>output gradient</c>.</param>
    /// <param name="expected">The expected dimensions; a negative one accepts any size.</param>
    public static void Require<T>(Tensor<T> tensor, string owner, string tensorName, ReadOnlySpan<int> expected)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor, tensorName);
        bool matches = tensor.Rank == expected.Length;
        for (int i = 0; matches && i < expected.Length; i++)
            matches = expected[i] < 0 || expected[i] == tensor.Dimension(i);
        if (!matches)
            throw new ArgumentException($"{owner}: the {tensorName} has shape {tensor.ShapeText} but {Describe(expected)} was expected.", tensorName);
    }

    /// <summary>Throws unless <paramref name="tensor"/> has exactly the shape of <paramref name="like"/>.</summary>
    public static void RequireSame<T>(Tensor<T> tensor, string owner, string tensorName, Tensor<T> like, string likeName)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensor, tensorName);
        if (!tensor.HasShape(like.Shape))
            throw new ArgumentException($"{owner}: the {tensorName} has shape {tensor.ShapeText} but the {likeName} has shape {like.ShapeText}.", tensorName);
    }

    private static string Describe(ReadOnlySpan<int> expected)
    {
        var parts = new string[expected.Length];
        for (int i = 0; i < expected.Length; i++)
            parts[i] = expected[i] < 0 ? "*" : expected[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
