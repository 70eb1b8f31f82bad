using System;
using System.Text;

namespace ActivationGen.Layers;

/// <summary>Shape checks done before a layer writes anything, with messages naming the tensor and both shapes.</summary>
internal static class Shapes
{
    /// <summary>Throws unless <paramref name="length"/> values make the shape <paramref name="expected"/>.</summary>
    public static void RequireLength(string tensor, int length, string dimensions, params ReadOnlySpan<int> expected)
    {
        long count = 1;
        foreach (int d in expected)
            count *= d;
        if (length != count)
            throw new ArgumentException($"{tensor} holds {length} values, but its expected shape {Format(expected)} ({dimensions}) needs {count}.", tensor);
    }

    public static string Format(ReadOnlySpan<int> shape)
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < shape.Length; i++)
            text.Append(i == 0 ? "" : ", ").Append(shape[i]);
        return text.Append(']').ToString();
    }
}
