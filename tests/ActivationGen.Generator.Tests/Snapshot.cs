using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ActivationGen.Generator.Tests;

/// <summary>
/// Verify-style snapshots (Verify.SourceGenerators is not served here): <c>Snapshots/Name.verified.cs</c>
/// is committed; a mismatch writes <c>Name.received.cs</c> beside it and fails with a diff;
/// ACTIVATIONGEN_ACCEPT=1 accepts the received text. Version strings are scrubbed.
/// </summary>
internal static partial class Snapshot
{
    public static void Verify(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        string verified = Path.Combine(folder, name + ".verified.cs");
        string received = Path.Combine(folder, name + ".received.cs");
        actual = Scrub(actual);

        string? expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        if (Environment.GetEnvironmentVariable("ACTIVATIONGEN_ACCEPT") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; wrote {received}. Review it, then rerun with ACTIVATIONGEN_ACCEPT=1."
            : $"Snapshot {name} differs (wrote {received}; rerun with ACTIVATIONGEN_ACCEPT=1 to accept):\n{Diff(expected, actual)}");
    }

    public static string Scrub(string text) => VersionPattern().Replace(text.Replace("\r\n", "\n"), "\"ActivationGen\", \"{version}\"");

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder();
        foreach (var line in diff.Lines.Where(l => l.Type != ChangeType.Unchanged).Take(60))
            text.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
        return text.ToString();
    }

    [GeneratedRegex("\"ActivationGen\", \"[0-9][^\"]*\"")]
    private static partial Regex VersionPattern();
}
