namespace ActivationGen.Layers;

/// <summary>How a layer holds its activation's trainable parameters.</summary>
public enum TrainableSharing
{
    /// <summary>One value per unit (dense) or channel (convolution, batch norm), as in PReLU with <c>num_parameters = C</c>.</summary>
    PerChannel,

    /// <summary>One value for the whole layer.</summary>
    Shared,
}
