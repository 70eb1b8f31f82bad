using ActivationGen.Tests.Catalog;

namespace ActivationGen.Tests.Consistency;

/// <summary>
/// Every generated span kernel agrees with the scalar members within 4 ulp: the span members run at the
/// widest vector width (and re-run the last vector for the tail), the scalar ones on one lane.
/// </summary>
public sealed class SpanScalarAgreementTests
{
    // Every float bit pattern at a stride, plus dense points near the origin: ~220k points per entry.
    private static readonly float[] Points = BuildPoints();

    [Theory]
    [MemberData(nameof(CatalogEntries.AllNames), MemberType = typeof(CatalogEntries))]
    public void ForwardAndBackwardMatchTheScalarMembers(string name)
    {
        var entry = CatalogEntries.Default(name);
        var y = new float[Points.Length];
        var dx = new float[Points.Length];
        var ones = new float[Points.Length];
        Array.Fill(ones, 1f);

        entry.Forward(Points, y);
        entry.Backward(Points, ones, dx);

        for (int i = 0; i < Points.Length; i++)
        {
            AssertWithin4Ulp(entry.Value(Points[i]), y[i], name, "forward", Points[i]);
            AssertWithin4Ulp(entry.Derivative(Points[i]), dx[i], name, "backward", Points[i]);
        }
    }

    private static void AssertWithin4Ulp(float scalar, float span, string name, string what, float x)
    {
        if (scalar.Equals(span))
            return; // also NaN == NaN, ±Inf
        long ulps = Math.Abs(Ordered(scalar) - Ordered(span));
        Assert.True(ulps <= 4, $"{name} {what} at x = {x:R}: scalar {scalar:R}, span {span:R} ({ulps} ulp)");
    }

    // Maps floats to integers that are adjacent exactly when the floats are adjacent (−0 and +0 coincide).
    private static long Ordered(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        return bits < 0 ? -(long)(bits & int.MaxValue) : bits;
    }

    private static float[] BuildPoints()
    {
        var points = new List<float>();
        for (long bits = 0; bits <= uint.MaxValue; bits += 30011)
        {
            float value = BitConverter.Int32BitsToSingle((int)(uint)bits);
            if (float.IsFinite(value))
                points.Add(value);
        }
        for (int i = -40_000; i <= 40_000; i++)
            points.Add(i / 4096f);
        points.AddRange([0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue]);
        return [.. points];
    }
}
