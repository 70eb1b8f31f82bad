using System.Linq;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// A declaration's [ActivationBenchmark] settings: <see cref="Sizes"/> empty means "the assembly's or the default";
/// inputs are uniform in [<see cref="InputMin"/>, <see cref="InputMax"/>].
/// </summary>
internal sealed record BenchmarkOptions(EquatableArray<int> Sizes, double InputMin, double InputMax)
{
    public const string AttributeName = "ActivationGen.ActivationBenchmarkAttribute";

    public static readonly BenchmarkOptions Default = new(EquatableArray<int>.Empty, -8, 8);

    public static BenchmarkOptions Of(IMethodSymbol method)
    {
        var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName);
        if (attribute is null)
            return Default;
        var options = Default;
        foreach (var argument in attribute.NamedArguments)
        {
            options = argument.Key switch
            {
                "Sizes" => options with { Sizes = Ints(argument.Value) },
                "InputMin" when argument.Value.Value is double min => options with { InputMin = min },
                "InputMax" when argument.Value.Value is double max => options with { InputMax = max },
                _ => options, // a property this generator does not know yet: the attribute is newer than the generator
            };
        }
        return options;
    }

    /// <summary>The positive integers of an int[] attribute argument; empty for null.</summary>
    public static EquatableArray<int> Ints(TypedConstant array) =>
        array.Kind == TypedConstantKind.Array && !array.IsNull
            ? array.Values.Select(v => v.Value).OfType<int>().Where(n => n > 0).ToEquatableArray()
            : EquatableArray<int>.Empty;
}
