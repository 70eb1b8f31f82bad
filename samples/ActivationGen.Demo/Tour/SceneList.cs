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
        new PendingScene("conv", "convolution with ReLU and leaky ReLU over the 8x8 digits, then a short training",
            "the original printed output shapes and never trained", "the layers library (Conv2D, the digits data)"),
        new AnalysisScene(),
        new PendingScene("adaptive", "trainable alpha * x * sigmoid(beta * x) regression with per-unit alpha and beta",
            "the original updated with the batch mean of a per-element gradient; ours reduces per unit exactly",
            "the layers library (adaptive activation, Adam)"),
        new DeepScene(),
        new RnnScene(),
        new PendingScene("attention", "self-attention with tanh/ReLU projections and a GELU output",
            "the original called a non-existent np.relu", "the sequence library (SelfAttention)"),
        new HardwareScene(),
        new GenerativeScene(),
    ];
}
