using ActivationGen.Demo.Scenes;

namespace ActivationGen.Demo.Tests;

/// <summary>The scenes built on the layers library: their figures against closed forms, bounds and finite differences.</summary>
[Collection(TourCollection.Name)]
public sealed class LayerSceneTests(TourFixture tour)
{
    [Fact]
    public void Batchnorm_in_training_normalizes_with_the_batch_so_ReLU_sees_a_standard_normal()
    {
        // ReLU of N(0, 1): mean 1/√(2π) ≈ 0.399, half the outputs zero; 256 samples leave a few percent of noise.
        double halfNormalMean = 1 / Math.Sqrt(2 * Math.PI);
        Assert.InRange(tour.Figure("batchnorm", "mean training, step 1 (batch statistics)"), halfNormalMean - 0.1, halfNormalMean + 0.1);
        Assert.InRange(tour.Figure("batchnorm", "zeros training, step 1 (batch statistics)"), 0.4, 0.6);
        string inference = tour.Scene("batchnorm").Figures.Keys.Single(k => k.StartsWith("mean inference", StringComparison.Ordinal));
        Assert.InRange(tour.Figure("batchnorm", inference), halfNormalMean - 0.15, halfNormalMean + 0.15);
        // The original's way (running averages 0 and 1 at the first step) leaves x ~ N(mean_c, sd_c²) unnormalized.
        Assert.True(tour.Figure("batchnorm", "mean original: running averages while training, step 1") > 1);
    }

    [Fact]
    public void Batchnorm_running_averages_approach_the_datas_mean_and_variance()
    {
        for (int c = 0; c < BatchNormScene.ChannelMeans.Length; c++)
        {
            double sd = BatchNormScene.ChannelDeviations[c];
            Assert.InRange(tour.Figure("batchnorm", $"running mean {c}"), BatchNormScene.ChannelMeans[c] - 0.3 * sd, BatchNormScene.ChannelMeans[c] + 0.3 * sd);
            Assert.InRange(tour.Figure("batchnorm", $"running variance {c}"), 0.7 * sd * sd, 1.3 * sd * sd);
        }
    }

    [Fact]
    public void Conv_training_lowers_the_loss_and_beats_chance_on_held_out_digits()
    {
        foreach (string name in new[] { "ReLU", "leaky ReLU" })
        {
            Assert.True(tour.Figure("conv", $"last loss {name}") < tour.Figure("conv", $"first loss {name}"), name);
            Assert.InRange(tour.Figure("conv", $"accuracy {name}"), 0.3, 1);   // chance is 0.1
        }
    }

    [Fact]
    public void Adaptive_per_unit_gradients_match_finite_differences_and_training_lowers_the_loss()
    {
        Assert.InRange(tour.Figure("adaptive", "gradient worst"), 0, 1e-6);
        Assert.True(tour.Figure("adaptive", "last loss") < tour.Figure("adaptive", "first loss") / 2);
        Assert.Equal(0, tour.Figure("adaptive", "non-finite parameters"));
        Assert.True(tour.Figure("adaptive", "alpha spread") > 0, "per-unit alphas should move apart");
    }

    [Fact]
    public void Rnn_records_every_step_and_the_states_stay_within_their_activations_ranges()
    {
        foreach (string cell in new[] { "hard tanh", "time-aware", "gated" })
        {
            Assert.Equal(RnnScene.Steps, tour.Figure("rnn", $"steps recorded {cell}"));
            Assert.InRange(tour.Figure("rnn", $"max |h| {cell}"), 0, 1);
        }
        // tanh(x)·e^(−decay·t) with decay 0.1: at the last step |h| ≤ e^(−0.1·t).
        double bound = Math.Exp(-0.1 * tour.Figure("rnn", "min time last step"));
        Assert.InRange(tour.Figure("rnn", "max |h| last time-aware"), 0, bound + 1e-6);
        Assert.True(tour.Figure("rnn", "std last time-aware") < tour.Figure("rnn", "std first time-aware"));
    }

    [Fact]
    public void Attention_rows_are_distributions_and_outputs_stay_above_GELUs_minimum()
    {
        const double geluMinimum = -0.1700406;   // GELU's global minimum, at x ≈ −0.7518
        foreach (string name in new[] { "tanh projections", "ReLU projections" })
        {
            Assert.InRange(tour.Figure("attention", $"row sum error {name}"), 0, 1e-5);
            Assert.InRange(tour.Figure("attention", $"attention min {name}"), 0, 1);
            Assert.InRange(tour.Figure("attention", $"attention max {name}"), 1.0 / AttentionScene.Steps, 1);
            Assert.True(tour.Figure("attention", $"output min {name}") >= geluMinimum - 1e-6, name);
        }
        Assert.Single(tour.Scene("attention").Pictures);
    }

    [Fact]
    public void Generative_outputs_lie_in_their_activations_ranges()
    {
        Assert.True(tour.Figure("generative", "min softplus") > 0);
        Assert.Equal(1, tour.Figure("generative", "positive softplus"));
        Assert.InRange(tour.Figure("generative", "min scaled tanh"), -1.7159, 0);
        Assert.InRange(tour.Figure("generative", "max scaled tanh"), 0, 1.7159);
        Assert.InRange(tour.Figure("generative", "positive PReLU (a = 0.25)"), 0.4, 0.6);
        Assert.True(tour.Figure("generative", "min PReLU (a = 0.25)") > 0.25 * -6);   // 0.25·z with |z| < 6 in 6,400 normals
    }
}
