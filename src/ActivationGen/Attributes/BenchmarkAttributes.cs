using System;

namespace ActivationGen;

/// <summary>
/// Asks the generator for BenchmarkDotNet stubs of every activation declared in <see cref="Types"/>, which may
/// live in referenced assemblies (the generator reads their formulas from metadata). Stubs are emitted only when
/// the compilation references BenchmarkDotNet; this assembly's own declarations get stubs without this attribute.
/// </summary>
/// <example><code>[assembly: BenchmarkActivations(typeof(ActivationGen.Activations), Sizes = new[] { 4096, 1 &lt;&lt; 20 })]</code></example>
/// <param name="types">Types whose <see cref="ActivationAttribute"/> methods get stubs.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class BenchmarkActivationsAttribute(params Type[] types) : Attribute
{
    /// <summary>The types whose activations are benchmarked.</summary>
    public Type[] Types { get; } = types;

    /// <summary>
    /// Span lengths of every stub emitted in this assembly (the first attribute that sets them wins), unless a
    /// declaration's <see cref="ActivationBenchmarkAttribute.Sizes"/> says otherwise; default 4096, 1M and 16M.
    /// </summary>
    public int[]? Sizes { get; set; }
}

/// <summary>How the generated benchmark stub of one activation is set up; every property is optional.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ActivationBenchmarkAttribute : Attribute
{
    /// <summary>Span lengths for this activation's stub; default: the assembly's, else 4096, 1M and 16M.</summary>
    public int[]? Sizes { get; set; }

    /// <summary>Lower end of the uniform inputs (every input span); default −8.</summary>
    public double InputMin { get; set; } = -8;

    /// <summary>Upper end of the uniform inputs (every input span); default 8.</summary>
    public double InputMax { get; set; } = 8;
}
