using ActivationGen.Generator.Model;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// Where each character of the formula sits in the source, so a diagnostic can underline the exact character
/// inside the string literal. <see cref="Offsets"/> is empty when the formula is not a plain literal
/// (a constant, a concatenation, a multi-line raw string): diagnostics then point at the whole argument.
/// </summary>
internal sealed partial record FormulaSource(SourceSpan Argument, EquatableArray<int> Offsets)
{
    public SourceSpan Locate(int start, int length)
    {
        if (Offsets.Count == 0)
            return Argument;
        int last = Offsets.Count - 1;
        start = System.Math.Min(System.Math.Max(start, 0), last);
        int end = System.Math.Min(start + System.Math.Max(length, 1), last);
        int from = Offsets[start], to = end > start ? Offsets[end] : from + 1;
        // Plain literals are single-line, so columns move with positions.
        int column = Argument.StartColumn + (from - Argument.Start);
        return Argument with
        {
            Start = from,
            Length = to - from,
            StartLine = Argument.StartLine,
            StartColumn = column,
            EndLine = Argument.StartLine,
            EndColumn = column + (to - from),
        };
    }
}
