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
        new PendingScene("batchnorm", "batch norm + ReLU in training and inference mode",
            "the original normalized with the running averages in both modes; training uses batch statistics and updates the running averages",
            "the layers library (BatchNorm)"),
        new CustomScene(),
        new PendingScene("conv", "convolution with ReLU and leaky ReLU over the 8x8 digits, then a short training",
            "the original printed output shapes and never trained", "the layers library (Conv2D, the digits data)"),
        new AnalysisScene(),
        new PendingScene("adaptive", "trainable alpha * x * sigmoid(beta * x) regression with per-unit alpha and beta",
            "the original updated with the batch mean of a per-element gradient; ours reduces per unit exactly",
            "the layers library (adaptive activation, Adam)"),
        new DeepScene(),
        new PendingScene("rnn", "hard tanh, time-aware and gated activations in a recurrent layer, 100 steps, batch 32",
            "the original never recorded the hidden states' statistics", "the sequence library (RecurrentCell)"),
        new PendingScene("attention", "self-attention with tanh/ReLU projections and a GELU output",
            "the original called a non-existent np.relu", "the sequence library (SelfAttention)"),
        new HardwareScene(),
        new PendingScene("generative", "softplus, scaled tanh, PReLU and the Gaussian gated unit over a 64x100 latent batch",
            "the original printed no statistics of its outputs", "the sequence library (GatedLinearUnit)"),
    ];
}
