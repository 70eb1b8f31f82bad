using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ActivationGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Declarations;

/// <summary>
/// What the compilation says about benchmarks: whether it references BenchmarkDotNet (no reference, no stubs),
/// the sizes its [assembly: BenchmarkActivations] sets, and the activations of the types that attribute names
/// in referenced assemblies, read from metadata.
/// </summary>
internal sealed record BenchmarkHost(bool ReferencesBenchmarkDotNet, EquatableArray<int> Sizes, EquatableArray<BenchmarkTarget> Referenced)
{
    public const string BenchmarkAttribute = "BenchmarkDotNet.Attributes.BenchmarkAttribute";
    public const string BenchmarkActivationsAttribute = "ActivationGen.BenchmarkActivationsAttribute";

    private static readonly BenchmarkHost None = new(false, EquatableArray<int>.Empty, EquatableArray<BenchmarkTarget>.Empty);

    public static BenchmarkHost Read(Compilation compilation, CancellationToken cancellationToken)
    {
        if (compilation.GetTypeByMetadataName(BenchmarkAttribute) is null)
            return None;
        var sizes = EquatableArray<int>.Empty;
        var referenced = new List<BenchmarkTarget>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass?.ToDisplayString() != BenchmarkActivationsAttribute)
                continue;
            foreach (var named in attribute.NamedArguments)
                if (named.Key == "Sizes" && sizes.Count == 0)
                    sizes = BenchmarkOptions.Ints(named.Value);
            foreach (var type in NamedTypes(attribute))
            {
                // This assembly's own declarations get stubs from the source pipeline already.
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                    continue;
                foreach (var method in type.GetMembers().OfType<IMethodSymbol>().OrderBy(m => m.Name, System.StringComparer.Ordinal))
                    if (method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ActivationSpec.ActivationAttribute)
                        && BenchmarkTarget.From(method, mustBePublic: true, fromMetadata: true) is { } target)
                        referenced.Add(target);
            }
        }
        return new BenchmarkHost(true, sizes, referenced.ToEquatableArray());
    }

    private static IEnumerable<INamedTypeSymbol> NamedTypes(AttributeData attribute)
    {
        foreach (var argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Array && !argument.IsNull)
            {
                foreach (var value in argument.Values)
                    if (value.Value is INamedTypeSymbol listed)
                        yield return listed;
            }
            else if (argument.Value is INamedTypeSymbol single)
            {
                yield return single;
            }
        }
    }
}
