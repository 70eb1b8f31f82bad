using System.Reflection;
using System.Text.RegularExpressions;
using ActivationGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ActivationGen.Generator.Tests;

/// <summary>Every diagnostic's help link leads somewhere: to its own section of docs/diagnostics.md.</summary>
public sealed class HelpLinkTests
{
    public static TheoryData<string> Ids() => [.. Descriptors().Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheHelpLinkIsTheAnchorOfTheIdsHeading(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);
        string[] parts = descriptor.HelpLinkUri.Split('#');

        Assert.Equal(2, parts.Length);
        Assert.True(File.Exists(Path.Combine(Root(), parts[0])), $"{parts[0]} does not exist");
        Assert.Contains(parts[1], Anchors());
    }

    /// <summary>And no section is left over from a diagnostic that no longer exists.</summary>
    [Fact]
    public void EverySectionIsADiagnosticOfTheGenerator()
    {
        var ids = Descriptors().Select(d => d.Id.ToLowerInvariant()).ToHashSet();
        Assert.All(Anchors(), anchor => Assert.Contains(anchor, ids));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    /// <summary>The anchors GitHub and other Markdown renderers give the page's second-level headings ("## AG0001" → ag0001).</summary>
    private static HashSet<string> Anchors() => Regex.Matches(File.ReadAllText(Path.Combine(Root(), DiagnosticDescriptors.HelpPage)), @"^## (.+?)\s*$", RegexOptions.Multiline)
        .Select(m => Regex.Replace(m.Groups[1].Value.ToLowerInvariant(), @"[^a-z0-9 _-]", "").Replace(' ', '-'))
        .ToHashSet();

    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
