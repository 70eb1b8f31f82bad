using System;
using System.Numerics;

namespace ActivationGen.Layers;

/// <summary>How a layer draws its initial weights (biases start at zero).</summary>
public enum WeightInit
{
    /// <summary>He (Kaiming) normal: N(0, 2 / fanIn), for rectifier-like activations.</summary>
    He,

    /// <summary>Xavier (Glorot) uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)), for sigmoid-like activations.</summary>
    Xavier,
}

/// <summary>Seeded weight initialization: the same seed gives the same weights on every run and host.</summary>
public static class Initialization
{
    /// <summary>Fills <paramref name="weights"/> by <paramref name="init"/> from <paramref name="random"/>.</summary>
    public static void Fill<T>(Span<T> weights, WeightInit init, int fanIn, int fanOut, Random random)
        where T : unmanaged, IBinaryFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        switch (init)
        {
            case WeightInit.He:
                double deviation = Math.Sqrt(2.0 / fanIn);
                for (int i = 0; i < weights.Length; i++)
                    weights[i] = T.CreateChecked(deviation * StandardNormal(random));
                break;
            case WeightInit.Xavier:
                double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
                for (int i = 0; i < weights.Length; i++)
                    weights[i] = T.CreateChecked(limit * (2 * random.NextDouble() - 1));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown weight initialization.");
        }
    }

    // Box–Muller: Random has no normal deviate of its own.
    private static double StandardNormal(Random random)
    {
        double u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
