namespace ActivationGen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert that each one caches.</summary>
internal static class TrackingNames
{
    public const string Declarations = nameof(Declarations);
    public const string Bind = nameof(Bind);
    public const string Formula = nameof(Formula);
    public const string Differentiate = nameof(Differentiate);
    public const string Lower = nameof(Lower);
    public const string Emit = nameof(Emit);
    public const string Diagnostics = nameof(Diagnostics);

    public static readonly string[] All = [Declarations, Bind, Formula, Differentiate, Lower, Emit, Diagnostics];
}
