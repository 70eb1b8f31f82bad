using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ActivationGen.Generator.Model;

/// <summary>A place in a source file, kept as plain values so that models hold no <see cref="Location"/>.</summary>
internal sealed record SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static SourceSpan From(Location location)
    {
        var line = location.GetLineSpan();
        return new SourceSpan(line.Path ?? "", location.SourceSpan.Start, location.SourceSpan.Length,
            line.StartLinePosition.Line, line.StartLinePosition.Character, line.EndLinePosition.Line, line.EndLinePosition.Character);
    }

    /// <summary>In <paramref name="tree"/> when it is the file this span came from, else a location by path.</summary>
    public Location ToLocation(SyntaxTree? tree) => tree is not null && Start + Length <= tree.Length
        ? Location.Create(tree, new TextSpan(Start, Length))
        : Location.Create(FilePath, new TextSpan(Start, Length),
            new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
