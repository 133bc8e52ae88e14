using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

// A word-level div.textDiff of span.pre-wrap chunks (E2); a filled or cleared text is one highlighted span (E5).
// Chunks carry their own spaces, written as NBSPs.
internal static partial class TextDiffMarkup
{
    private const string Unchanged = "pre-wrap unchangedPart";
    private const string Removed = "pre-wrap colors-background-negative colors-foreground-accent-negative strikethrough";
    private const string Added = "pre-wrap colors-background-success";

    public static string Render(FakeFieldChange change)
    {
        var old = string.Join(", ", change.OldValues ?? []);
        var @new = string.Join(", ", change.NewValues ?? []);
        return change.Kind switch
        {
            ChangeKind.NullToValue => Chunk("inline-block truncate colors-background-success", @new),
            ChangeKind.ValueToNull => Chunk(Removed, old),
            _ => $"<div class=\"textDiff overflow-hidden\">{string.Concat(Diff(Words(old), Words(@new)).Select(c => Chunk(c.Class, c.Text)))}</div>",
        };
    }

    private static string Chunk(string classes, string text) =>
        $"<span class=\"{classes}\">{WebUtility.HtmlEncode(text).Replace(" ", "&nbsp;", StringComparison.Ordinal)}</span>";

    private static string[] Words(string text) => [.. WordOrSpace().Matches(text).Select(m => m.Value)];

    // Longest common subsequence over words and spaces, merged into runs of one kind.
    private static List<(string Class, string Text)> Diff(string[] old, string[] @new)
    {
        var lcs = new int[old.Length + 1, @new.Length + 1];
        for (var i = old.Length - 1; i >= 0; i--)
        {
            for (var j = @new.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = old[i] == @new[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var chunks = new List<(string Class, string Text)>();
        int a = 0, b = 0;
        while (a < old.Length || b < @new.Length)
        {
            if (a < old.Length && b < @new.Length && old[a] == @new[b])
            {
                Add(chunks, Unchanged, old[a++]);
                b++;
            }
            else if (b < @new.Length && (a == old.Length || lcs[a, b + 1] >= lcs[a + 1, b]))
            {
                Add(chunks, Added, @new[b++]);
            }
            else
            {
                Add(chunks, Removed, old[a++]);
            }
        }

        return chunks;
    }

    private static void Add(List<(string Class, string Text)> chunks, string classes, string text)
    {
        if (chunks.Count > 0 && chunks[^1].Class == classes)
        {
            chunks[^1] = (classes, chunks[^1].Text + text);
            return;
        }

        chunks.Add((classes, text));
    }

    [GeneratedRegex(@"\s+|\S+")]
    private static partial Regex WordOrSpace();
}
