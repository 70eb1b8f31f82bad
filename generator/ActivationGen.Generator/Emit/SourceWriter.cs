using System;
using System.Text;

namespace ActivationGen.Generator.Emit;

/// <summary>A minimal indented text writer: four spaces per level, '\n' line ends.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder text = new();
    private int indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
            text.Append(' ', indent * 4).Append(line);
        text.Append('\n');
        return this;
    }

    /// <summary>Writes each line of a multi-line block at the current indentation.</summary>
    public SourceWriter Lines(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").TrimEnd('\n').Split('\n'))
            Line(line);
        return this;
    }

    public IDisposable Block(string? header = null)
    {
        if (header is not null)
            Line(header);
        Line("{");
        indent++;
        return new Closer(this);
    }

    public override string ToString() => text.ToString();

    private sealed class Closer(SourceWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer.indent--;
            writer.Line("}");
        }
    }
}
