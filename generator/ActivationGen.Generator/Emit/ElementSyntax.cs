using System.Globalization;
using ActivationGen.Generator.Declarations;

namespace ActivationGen.Generator.Emit;

/// <summary>How the element type of a declaration is spelled in generated code.</summary>
internal sealed class ElementSyntax
{
    public static readonly ElementSyntax Single = new("float", "global::ActivationGen.Simd.SingleMath", "f");
    public static readonly ElementSyntax Double = new("double", "global::ActivationGen.Simd.DoubleMath", "d");

    private readonly string suffix;

    private ElementSyntax(string keyword, string math, string suffix)
    {
        Keyword = keyword;
        Math = math;
        this.suffix = suffix;
    }

    public static ElementSyntax Of(ElementType? type) => type == ElementType.Double ? Double : Single;

    public string Keyword { get; }

    public string Math { get; }

    // The vector math needs the bit-level primitives too, so kernels constrain on the wider interface.
    public string Constraint(string vector) => $"where {vector} : struct, global::ActivationGen.Simd.IVectorBits<{vector}, {Keyword}>";

    public string Vector(string width) => $"global::ActivationGen.Simd.{width}<{Keyword}>";

    /// <summary>Two vectors of <paramref name="width"/> as one: the kernel's instructions for both, interleaved.</summary>
    public string VectorPair(string width) => $"global::ActivationGen.Simd.VecPair<{Vector(width)}, {Keyword}>";

    public string Literal(double value)
    {
        // A double constant beyond float's range is infinite once it is a float.
        if (Keyword == "float")
            value = (float)value;
        if (double.IsNaN(value))
            return Keyword + ".NaN";
        if (double.IsInfinity(value))
            return Keyword + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        string digits = Keyword == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        return digits + suffix;
    }
}
