using System.Reflection;
using ActivationGen.Simd;
using ActivationGen.Tests.Catalog;

namespace ActivationGen.Tests.Contract;

/// <summary>
/// Every catalog entry's <c>NameActivation</c> struct, found by the naming rule, agrees with the generated scalar
/// and span members of the declaration: its per-vector kernels at every width, its span members, its scalar
/// partials; and its description matches the declaration read back by reflection.
/// </summary>
public sealed class CatalogStructTests
{
    private static readonly float[] Points = BuildPoints();

    [Theory]
    [MemberData(nameof(CatalogEntries.AllNames), MemberType = typeof(CatalogEntries))]
    public void StructAgreesWithTheDeclaration(string name)
    {
        var type = typeof(Activations).GetNestedType(name + "Activation");
        Assert.NotNull(type);
        typeof(CatalogStructTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(type).Invoke(null, [name]);
    }

    private static void Check<TAct>(string name)
        where TAct : struct, IUnaryActivation<float>
    {
        var declaration = new ReflectedDeclaration(typeof(Activations), name);
        // Threshold declares no defaults; the catalog entries test it at threshold 1, value −2.
        var entry = name == "Threshold"
            ? CatalogEntries.Create(name, new Dictionary<string, double> { ["threshold"] = 1, ["value"] = -2 })
            : CatalogEntries.Default(name);
        var hyperparameters = name == "Threshold" ? [1f, -2f] : declaration.Hyperparameters.Select(p => (float)p.DefaultValue!).ToArray();
        var act = declaration.Create<TAct>(hyperparameters);
        if (declaration.Hyperparameters.All(p => p.HasDefaultValue))
            Assert.Equal(declaration.PropertyValues(act), declaration.PropertyValues(new TAct()));

        Assert.Equal(name, TAct.Info.Name);
        Assert.Equal(declaration.Formula, TAct.Info.Formula);
        Assert.Equal(["x"], TAct.Info.Inputs.ToArray());
        Assert.Equal(declaration.Hyperparameters.Select(p => p.Name!).ToArray(), TAct.Info.Parameters.ToArray());
        Assert.Equal(declaration.Trainables.Select(p => p.Name!).ToArray(), TAct.Info.Trainables.ToArray());
        Assert.Equal(1 + declaration.Trainables.Length, TAct.Info.Derivatives.Length);
        Assert.Equal(1, TAct.InputCount);
        Assert.Equal(declaration.Trainables.Length, TAct.TrainableCount);
        Assert.Equal(declaration.HasBackwardFromOutput, TAct.HasBackwardFromOutput);
        Assert.Equal(TAct.HasBackwardFromOutput, TAct.Info.BackwardFromOutput is not null);
        var trainables = declaration.Trainables.Select((p, j) => act.TrainableDefault(j)).ToArray();
        Assert.Equal(declaration.Trainables.Select(p => (float)p.DefaultValue!), trainables);
        Assert.Throws<ArgumentOutOfRangeException>(() => act.TrainableDefault(trainables.Length));

        float Value(float x) => declaration.Value(x, hyperparameters, trainables);
        float Derivative(float x) => declaration.Derivative(x, hyperparameters, trainables);

        AtWidth<TAct, Vec1<float>>(act, trainables, Value, Derivative, name);
        AtWidth<TAct, Vec128<float>>(act, trainables, Value, Derivative, name);
        AtWidth<TAct, Vec256<float>>(act, trainables, Value, Derivative, name);
        AtWidth<TAct, Vec512<float>>(act, trainables, Value, Derivative, name);
        AtWidth<TAct, VecPair<Vec256<float>, float>>(act, trainables, Value, Derivative, name);
        AtWidth<TAct, VecPair<Vec512<float>, float>>(act, trainables, Value, Derivative, name);

        // The span members with shared trainables are the declaration's span members.
        var y = new float[Points.Length];
        var dx = new float[Points.Length];
        var ones = Enumerable.Repeat(1f, Points.Length).ToArray();
        var expectedY = new float[Points.Length];
        var expectedDx = new float[Points.Length];
        act.Forward(Points, y, trainables);
        act.Backward(Points, ones, dx, trainables, []);
        entry.Forward(Points, expectedY);
        entry.Backward(Points, ones, expectedDx);
        Assert.Equal(expectedY, y);
        Assert.Equal(expectedDx, dx);
        if (trainables.Length > 0)
        {
            var sums = new float[trainables.Length];
            var dxWithSums = new float[Points.Length];
            var expectedDxWithSum = new float[Points.Length];
            act.Backward(Points, ones, dxWithSums, trainables, sums);
            var withSum = CatalogEntries.Trainables().First(t => t.Name.StartsWith(name + "(", StringComparison.Ordinal) && t.Parameter == trainables[0]);
            withSum.Backward(Points, ones, expectedDxWithSum, out float expectedSum);
            Assert.Equal(expectedDxWithSum, dxWithSums);
            Assert.Equal(expectedSum, sums[0]);
        }

        // The scalar partials: the backward on one lane with dy = 1.
        var inputPartial = new float[1];
        var trainablePartials = new float[trainables.Length];
        foreach (float x in Points)
        {
            act.Partials([x], trainables, inputPartial, trainablePartials);
            AssertWithin4Ulp(Derivative(x), inputPartial[0], name, "Partials", x);
        }

        if (!TAct.HasBackwardFromOutput)
        {
            Assert.Throws<NotSupportedException>(() => act.BackwardFromOutput(y, ones, dx, trainables));
            Assert.Throws<NotSupportedException>(() => act.BackwardFromOutput(Vec1<float>.Create(0), Vec1<float>.Create(1), [.. trainables.Select(Vec1<float>.Create)]));
        }
    }

    /// <summary>The per-vector kernels at one width against the scalar members, lane by lane.</summary>
    private static void AtWidth<TAct, TV>(TAct act, float[] trainables, Func<float, float> value, Func<float, float> derivative, string name)
        where TAct : struct, IUnaryActivation<float>
        where TV : struct, IVectorBits<TV, float>
    {
        var q = trainables.Select(TV.Create).ToArray();
        var dq = new TV[trainables.Length];
        var inputs = new TV[1];
        var inputGradients = new TV[1];
        var lanes = new float[TV.Count];
        var one = TV.Create(1f);
        string at = $"{name} at {typeof(TV).Name}";
        for (int i = 0; i + TV.Count <= Points.Length; i += TV.Count)
        {
            var x = TV.LoadUnsafe(ref Points[0], (nuint)i);
            var y = act.Forward(x, q);
            var dx = act.Backward(x, one, q, []);
            var dxWithTrainables = act.Backward(x, one, q, dq);
            inputs[0] = x;
            Assert.Equal(y, act.Forward<TV>(inputs, q));
            act.Backward<TV>(inputs, one, q, inputGradients, []);
            Assert.Equal(dx, inputGradients[0]);
            for (int lane = 0; lane < TV.Count; lane++)
            {
                float point = Points[i + lane];
                AssertWithin4Ulp(value(point), Lane(y, lane, lanes), at, "forward", point);
                AssertWithin4Ulp(derivative(point), Lane(dx, lane, lanes), at, "backward", point);
                AssertWithin4Ulp(derivative(point), Lane(dxWithTrainables, lane, lanes), at, "backward with trainables", point);
            }
            if (TAct.HasBackwardFromOutput)
            {
                var fromOutput = act.BackwardFromOutput(y, one, q);
                var expected = new float[TV.Count];
                var ys = new float[TV.Count];
                TV.StoreUnsafe(y, ref ys[0], 0);
                act.BackwardFromOutput(ys, Enumerable.Repeat(1f, TV.Count).ToArray(), expected, trainables);
                for (int lane = 0; lane < TV.Count; lane++)
                    AssertWithin4Ulp(expected[lane], Lane(fromOutput, lane, lanes), at, "backward from output", Points[i + lane]);
            }
        }
    }

    private static float Lane<TV>(TV vector, int lane, float[] scratch)
        where TV : struct, IVectorBits<TV, float>
    {
        TV.StoreUnsafe(vector, ref scratch[0], 0);
        return scratch[lane];
    }

    internal static void AssertWithin4Ulp(float expected, float actual, string name, string what, float x)
    {
        if (expected.Equals(actual))
            return;
        long ulps = Math.Abs(Ordered(expected) - Ordered(actual));
        Assert.True(ulps <= 4, $"{name} {what} at x = {x:R}: expected {expected:R}, got {actual:R} ({ulps} ulp)");
    }

    private static long Ordered(float value)
    {
        int bits = BitConverter.SingleToInt32Bits(value);
        return bits < 0 ? -(long)(bits & int.MaxValue) : bits;
    }

    // Finite floats at a stride through every bit pattern, and a dense grid near the origin: 64·k points.
    private static float[] BuildPoints()
    {
        var points = new List<float>();
        for (long bits = 0; bits <= uint.MaxValue; bits += 1_000_003)
        {
            float value = BitConverter.Int32BitsToSingle((int)(uint)bits);
            if (float.IsFinite(value))
                points.Add(value);
        }
        for (int i = -2048; i < 2048; i++)
            points.Add(i / 64f);
        points.AddRange([0f, -0f, 1f, -1f, 3f, -3f, 6f, float.MaxValue, float.MinValue]);
        while (points.Count % 64 != 0)
            points.Add(0.5f);
        return [.. points];
    }
}
