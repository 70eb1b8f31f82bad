using ActivationGen.Training;

namespace ActivationGen.Layers.Tests;

public class TrainingTests
{
    [Fact]
    public void Regression_with_the_adaptive_activation_cuts_the_loss_tenfold_and_moves_its_parameters()
    {
        RegressionTraining.Result result = RegressionTraining.Run();
        Assert.True(result.FirstLoss / result.LastLoss >= 10, $"train mse fell from {result.FirstLoss} to {result.LastLoss}");
        Assert.True(result.TestLoss < result.FirstLoss / 10, $"test mse {result.TestLoss}");
        Assert.True(result.MeanAlphaChange > 0.02, $"mean |Δalpha| {result.MeanAlphaChange}");
        Assert.True(result.MeanBetaChange > 0.02, $"mean |Δbeta| {result.MeanBetaChange}");
    }

    [Fact]
    public void Digits_on_a_subset_learn_well_beyond_chance()
    {
        DigitsDataset digits = DigitsDataset.Load(DigitsDatasetTests.DataPath);
        DigitsTraining.Result result = DigitsTraining.Run<Activations.ReluActivation>(digits, epochs: 3, trainLimit: 480);
        Assert.True(result.Loss[^1] < 0.6 * result.Loss[0], $"loss {string.Join(", ", result.Loss)}");
        Assert.True(result.FinalAccuracy > 0.6, $"accuracy {result.FinalAccuracy} (chance is 0.1)");
    }

    [Fact]
    public void Digits_with_a_trainable_user_activation_learn_too()
    {
        DigitsDataset digits = DigitsDataset.Load(DigitsDatasetTests.DataPath);
        DigitsTraining.Result result = DigitsTraining.Run<AdaptiveActivations.AdaptiveSwishActivation>(digits, epochs: 2, trainLimit: 480);
        Assert.True(result.Loss[^1] < 0.8 * result.Loss[0], $"loss {string.Join(", ", result.Loss)}");
        Assert.True(result.FinalAccuracy > 0.4, $"accuracy {result.FinalAccuracy} (chance is 0.1)");
    }
}
