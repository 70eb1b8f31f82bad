using ActivationGen.Demo.Scenes;

namespace ActivationGen.Demo.Tour;

/// <summary>The fourteen scenes, in the course's order.</summary>
public static class SceneList
{
    public static IReadOnlyList<Scene> All() =>
    [
        new BasicsScene(),
        new FormulasScene(),
        new ReluScene(),
        new SigmoidScene(),
        new BatchNormScene(),
        new CustomScene(),
        new ConvScene(),
        new AnalysisScene(),
        new AdaptiveScene(),
        new DeepScene(),
        new RnnScene(),
        new AttentionScene(),
        new HardwareScene(),
        new GenerativeScene(),
    ];
}
