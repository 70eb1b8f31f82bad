namespace ActivationGen.Layers.Tests;

public class RecurrentCellTests
{
    // 11 hidden units: one 8-lane vector, then narrower widths and a single lane, on every host.
    private const int Batch = 2, Steps = 4, Features = 3, Hidden = 11;

    private static double Gated(double x, double h)
    {
        double z = 1 / (1 + Math.Exp(-(x + h)));
        return z * Math.Tanh(x) + (1 - z) * h;
    }

    [Fact]
    public void Gated_cell_matches_a_naive_double_recurrence()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState);
        Tensor<double> input = GradientCheck.RandomTensor(2, Batch, Steps, Features);
        Tensor<double> output = cell.Forward(input);
        double[] expected = NaiveRecurrence(cell, input, (a, h, _, _) => Gated(a, h));
        AssertClose(expected, output.Span.ToArray(), 1e-13);
    }

    [Fact]
    public void Time_aware_cell_matches_a_naive_double_recurrence()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.TimeDecayTanhActivation>(Features, Hidden, new Random(1), RecurrentInput.Time);
        cell.ActivationParameters[0].Value.AsSpan().Fill(0.3);
        cell.ActivationParameters[0].Value[4] = 0.9;
        cell.ElapsedTimes = PositiveTimes();
        Tensor<double> input = GradientCheck.RandomTensor(2, Batch, Steps, Features);
        Tensor<double> output = cell.Forward(input);
        double[] expected = NaiveRecurrence(cell, input, (a, _, t, unit) => Math.Tanh(a) * Math.Exp(-cell.ActivationParameters[0].Value[unit] * t));
        AssertClose(expected, output.Span.ToArray(), 1e-13);
    }

    [Fact]
    public void Backpropagation_through_time_matches_finite_differences_gated()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(3), RecurrentInput.PreviousState);
        GradientCheck.Check(cell, GradientCheck.RandomTensor(4, Batch, Steps, Features));
    }

    [Theory]
    [InlineData(TrainableSharing.PerChannel)]
    [InlineData(TrainableSharing.Shared)]
    public void Backpropagation_through_time_matches_finite_differences_time_aware(TrainableSharing sharing)
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.TimeDecayTanhActivation>(Features, Hidden, new Random(5), RecurrentInput.Time, sharing: sharing);
        cell.ElapsedTimes = PositiveTimes();
        GradientCheck.Check(cell, GradientCheck.RandomTensor(6, Batch, Steps, Features));
        Assert.Equal(sharing == TrainableSharing.Shared ? 1 : Hidden, cell.ActivationParameters[0].Value.Length);
    }

    [Fact]
    public void Backpropagation_through_time_matches_finite_differences_hard_tanh()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.HardTanhActivation>(Features, Hidden, new Random(7));
        Tensor<double> input = GradientCheck.RandomTensor(8, Batch, Steps, Features);
        cell.Forward(input);
        // The check is only meaningful if some states saturate and some do not.
        double[] states = Enumerable.Range(0, Steps).SelectMany(s => cell.StatesAt(s).ToArray()).ToArray();
        Assert.Contains(states, v => Math.Abs(v) == 1);
        Assert.Contains(states, v => Math.Abs(v) < 1);
        GradientCheck.Check(cell, input);
    }

    [Fact]
    public void A_smaller_batch_after_a_larger_one_reuses_the_buffers_correctly()
    {
        var reused = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState);
        var fresh = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState);
        reused.Forward(GradientCheck.RandomTensor(3, Batch + 2, Steps + 1, Features));
        reused.Backward(GradientCheck.RandomTensor(4, Batch + 2, Steps + 1, Hidden));
        foreach (Parameter<double> parameter in reused.Parameters)
            parameter.ZeroGradient();

        Tensor<double> input = GradientCheck.RandomTensor(5, Batch, Steps, Features), gradient = GradientCheck.RandomTensor(6, Batch, Steps, Hidden);
        Assert.Equal(fresh.Forward(input).Span.ToArray(), reused.Forward(input).Span.ToArray());
        Assert.Equal(fresh.Backward(gradient).Span.ToArray(), reused.Backward(gradient).Span.ToArray());
        for (int p = 0; p < fresh.Parameters.Count; p++)
            Assert.Equal(fresh.Parameters[p].Gradient, reused.Parameters[p].Gradient);
    }

    [Fact]
    public void Statistics_per_step_summarize_that_steps_states()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState);
        Tensor<double> output = cell.Forward(GradientCheck.RandomTensor(2, Batch, Steps, Features));
        for (int s = 0; s < Steps; s++)
        {
            double[] states = Enumerable.Range(0, Batch).SelectMany(b => output.Span.Slice((b * Steps + s) * Hidden, Hidden).ToArray()).ToArray();
            double mean = states.Average();
            HiddenStateStatistics statistics = cell.StatisticsAt(s);
            Assert.Equal(mean, statistics.Mean, 1e-14);
            Assert.Equal(Math.Sqrt(states.Select(v => (v - mean) * (v - mean)).Average()), statistics.StandardDeviation, 1e-14);
            Assert.Equal(states.Min(), statistics.Minimum);
            Assert.Equal(states.Max(), statistics.Maximum);
        }
    }

    [Fact]
    public void Wrong_input_shape_names_the_tensor_and_both_shapes()
    {
        var cell = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState, name: "rnn");
        var error = Assert.Throws<ArgumentException>(() => cell.Forward(new Tensor<double>(Batch, Steps, Features + 1)));
        Assert.Contains("rnn", error.Message);
        Assert.Contains("input", error.Message);
        Assert.Contains("[2, 4, 4]", error.Message);
        Assert.Contains("[*, *, 3]", error.Message);

        cell.Forward(new Tensor<double>(Batch, Steps, Features));
        error = Assert.Throws<ArgumentException>(() => cell.Backward(new Tensor<double>(Batch, Steps - 1, Hidden)));
        Assert.Contains("[2, 3, 11]", error.Message);
        Assert.Contains("[2, 4, 11]", error.Message);
    }

    [Fact]
    public void A_second_input_that_does_not_fit_the_activation_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new RecurrentCell<double, DoubleSequenceActivations.HardTanhActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState));
        Assert.Throws<ArgumentException>(() => new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1)));
        var gated = new RecurrentCell<double, DoubleSequenceActivations.GatedActivation>(Features, Hidden, new Random(1), RecurrentInput.PreviousState) { ElapsedTimes = PositiveTimes() };
        Assert.Throws<ArgumentException>(() => gated.Forward(new Tensor<double>(Batch, Steps, Features)));
    }

    [Fact]
    public void Steps_after_the_first_allocate_nothing()
    {
        var cell = new RecurrentCell<float, SequenceActivations.TimeDecayTanhActivation>(Features, Hidden, new Random(1), RecurrentInput.Time);
        var input = new Tensor<float>(Batch, Steps, Features);
        input.Span.Fill(0.5f);
        var gradient = new Tensor<float>(Batch, Steps, Hidden);
        gradient.Span.Fill(1f);
        cell.Backward(Forward(cell, input));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3; i++)
        {
            cell.Forward(input);
            cell.Backward(gradient);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static Tensor<float> Forward(ILayer<float> layer, Tensor<float> input) => layer.Forward(input);
    }

    private static Tensor<double> PositiveTimes()
    {
        var times = new Tensor<double>(Batch, Steps);
        var random = new Random(9);
        for (int i = 0; i < times.Length; i++)
            times.Span[i] = 0.2 + 2 * random.NextDouble();
        return times;
    }

    /// <summary>The recurrence written plainly: a = x·W + h·U + b, h = f(a, h, t, unit), in batch-major order.</summary>
    private static double[] NaiveRecurrence<TActivation>(RecurrentCell<double, TActivation> cell, Tensor<double> input, Func<double, double, double, int, double> f)
        where TActivation : struct, IActivation<double>
    {
        double[] w = cell.InputWeight.Value, u = cell.RecurrentWeight.Value, bias = cell.Bias.Value;
        var output = new double[Batch * Steps * Hidden];
        for (int b = 0; b < Batch; b++)
        {
            var h = new double[Hidden];
            for (int s = 0; s < Steps; s++)
            {
                var next = new double[Hidden];
                for (int j = 0; j < Hidden; j++)
                {
                    double a = bias[j];
                    for (int k = 0; k < Features; k++)
                        a += input.Span[(b * Steps + s) * Features + k] * w[k * Hidden + j];
                    for (int i = 0; i < Hidden; i++)
                        a += h[i] * u[i * Hidden + j];
                    double t = cell.ElapsedTimes?.Span[b * Steps + s] ?? 1;
                    next[j] = f(a, h[j], t, j);
                }
                h = next;
                h.CopyTo(output, (b * Steps + s) * Hidden);
            }
        }
        return output;
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])), $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
