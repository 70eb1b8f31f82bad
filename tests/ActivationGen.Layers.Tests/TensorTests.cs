namespace ActivationGen.Layers.Tests;

public class TensorTests
{
    [Fact]
    public void Reuse_keeps_the_buffer_when_the_new_shape_fits()
    {
        Tensor<float>? tensor = null;
        Tensor<float> first = Tensor<float>.Reuse(ref tensor, [4, 3]);
        first.Span.Fill(1);
        Tensor<float> smaller = Tensor<float>.Reuse(ref tensor, [2, 3]);
        Assert.Same(first, smaller);
        Assert.Equal([2, 3], smaller.Shape.ToArray());
        Assert.Equal(6, smaller.Span.Length);
        Tensor<float> larger = Tensor<float>.Reuse(ref tensor, [5, 3]);
        Assert.Equal(15, larger.Span.Length);
    }

    [Fact]
    public void Over_and_ViewAs_share_the_elements()
    {
        var data = new double[12];
        Tensor<double>? view = null;
        Tensor<double> prefix = Tensor<double>.Over(ref view, data, [2, 3]);
        prefix.Span[5] = 7;
        Assert.Equal(7, data[5]);
        Tensor<double>? flat = null;
        Assert.Equal(7, prefix.ViewAs(ref flat, [6]).Span[5]);
        Assert.Throws<ArgumentException>(() => prefix.ViewAs(ref flat, [7]));
        Assert.Throws<ArgumentException>(() => Tensor<double>.Over(ref view, data, [13]));
    }

    [Fact]
    public void A_wrapped_array_must_match_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() => new Tensor<float>(new float[5], 2, 3));
        Assert.Contains("[2, 3]", error.Message);
        Assert.Throws<ArgumentException>(() => new Tensor<float>(2, -1));
    }
}
