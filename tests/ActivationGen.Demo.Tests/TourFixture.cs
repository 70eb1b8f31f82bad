using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Tests;

/// <summary>Runs the whole tour once, in quick mode, into a fresh folder; the tests read what it printed and wrote.</summary>
public sealed class TourFixture : IDisposable
{
    public TourFixture()
    {
        OutputDirectory = Path.Combine(Path.GetTempPath(), "activationgen-tour-" + Guid.NewGuid().ToString("N"));
        var console = new StringWriter();
        Records = TourRunner.Run(SceneList.All(), console, OutputDirectory, quick: true);
        Console = console.ToString();
    }

    public string OutputDirectory { get; }

    public string Console { get; }

    public IReadOnlyList<SceneRecord> Records { get; }

    public SceneRecord Scene(string name) => Records.Single(r => r.Scene.Name == name);

    public double Figure(string scene, string name) => Scene(scene).Figures[name];

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class TourCollection : ICollectionFixture<TourFixture>
{
    public const string Name = "tour";
}
