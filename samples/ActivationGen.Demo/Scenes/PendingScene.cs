using ActivationGen.Demo.Tour;

namespace ActivationGen.Demo.Scenes;

/// <summary>A scene whose layers have not landed in the library yet: it prints its fix and what it waits for.</summary>
public sealed class PendingScene(string name, string title, string fixes, string waitingFor) : Scene
{
    public override string Name => name;

    public override string Title => title;

    public override string Fixes => fixes;

    public override string? WaitingFor => waitingFor;

    public override void Run(SceneContext context) => throw new InvalidOperationException($"{name} waits for {waitingFor}.");
}
