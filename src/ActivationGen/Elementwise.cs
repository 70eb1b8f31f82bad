using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ActivationGen;

/// <summary>Argument checks shared by every generated span member; public only for generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Elementwise
{
    /// <summary>Throws when a span's length differs from the first input's.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckLength(int expected, int actual, string paramName)
    {
        if (expected != actual)
            ThrowLength(expected, actual, paramName);
    }

    /// <summary>
    /// Throws when <paramref name="output"/> overlaps <paramref name="input"/> without starting at the same
    /// element: in place is supported, a shifted overlap would read values the kernel already wrote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckOverlap<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> output, string paramName)
    {
        if (input.Overlaps(output, out int offset) && offset != 0)
            ThrowOverlap(paramName);
    }

    /// <summary>Throws when two outputs share any element: only the one written last would keep its values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckDisjoint<T>(ReadOnlySpan<T> output, ReadOnlySpan<T> other, string paramName)
    {
        if (output.Overlaps(other))
            ThrowShared(paramName);
    }

    private static void ThrowLength(int expected, int actual, string paramName) =>
        throw new ArgumentException($"The span has {actual} elements but the first input has {expected}.", paramName);

    private static void ThrowOverlap(string paramName) =>
        throw new ArgumentException("The output overlaps an input without being the same span; use the same span for in place, or separate buffers.", paramName);

    private static void ThrowShared(string paramName) =>
        throw new ArgumentException("The output shares elements with another output; each output needs a buffer of its own.", paramName);
}
