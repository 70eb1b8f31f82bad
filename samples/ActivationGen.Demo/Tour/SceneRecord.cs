using System.Collections.Generic;

namespace ActivationGen.Demo.Tour;

/// <summary>A table a scene printed: the same rows go to the console, to a CSV file and into the report.</summary>
public sealed record Table(string Name, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, string File);

/// <summary>A picture a scene wrote, by file name relative to the output folder.</summary>
public sealed record Picture(string Caption, string File, int Width, int Height);

/// <summary>What a scene produced, for the report and for the tests.</summary>
public sealed class SceneRecord(Scene scene)
{
    public Scene Scene { get; } = scene;

    public List<Table> Tables { get; } = [];

    public List<Picture> Pictures { get; } = [];

    /// <summary>Named figures the scene computed (e.g. <c>max |f'| sigmoid</c>), so tests can check them against closed forms.</summary>
    public Dictionary<string, double> Figures { get; } = [];

    /// <summary>Lines of prose for the report (besides tables and pictures).</summary>
    public List<string> Notes { get; } = [];

    public double Seconds { get; set; }
}
