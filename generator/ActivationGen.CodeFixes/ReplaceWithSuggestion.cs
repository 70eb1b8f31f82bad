using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ActivationGen.CodeFixes;

/// <summary>
/// "Replace 'sigmod' with 'sigmoid'" for an unknown function (AG0002) or name (AG0003) in a formula: the
/// generator puts the name it found and the one it suggests in the diagnostic's properties, and its location
/// on exactly that name inside the string literal. Where the location is not that name (a formula built
/// from constants, or with escapes around the name) no fix is offered.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceWithSuggestion)), Shared]
public sealed class ReplaceWithSuggestion : CodeFixProvider
{
    /// <summary>The property keys the generator fills; kept in step with it by the code-fix tests.</summary>
    public const string NameProperty = "Name";
    public const string SuggestionProperty = "Suggestion";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ["AG0002", "AG0003"];

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(NameProperty, out var name) || name is null
                || !diagnostic.Properties.TryGetValue(SuggestionProperty, out var suggestion) || suggestion is null)
                continue;
            var span = diagnostic.Location.SourceSpan;
            if (span.End > text.Length || text.ToString(span) != name)
                continue;
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Replace '{name}' with '{suggestion}'",
                    _ => Task.FromResult(document.WithText(text.Replace(span, suggestion))),
                    equivalenceKey: nameof(ReplaceWithSuggestion) + suggestion),
                diagnostic);
        }
    }
}
