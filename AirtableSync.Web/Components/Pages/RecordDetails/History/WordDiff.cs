using System.Text.RegularExpressions;

namespace AirtableSync.Web.Components.Pages.RecordDetails.History;

public enum DiffOperation { Unchanged, Removed, Added }

public sealed record DiffSegment(DiffOperation Operation, string Text);

// Longest common subsequence over words and the whitespace between them, so a change reads like Airtable's own history.
// Long texts fall back to "all removed, all added" to keep the quadratic table small.
public static partial class WordDiff
{
    private const int MaxTokens = 1500;

    public static IReadOnlyList<DiffSegment> Compute(string? oldText, string? newText)
    {
        var before = Tokenize(oldText ?? "");
        var after = Tokenize(newText ?? "");
        if (before.Length > MaxTokens || after.Length > MaxTokens)
        {
            return Merge([new(DiffOperation.Removed, oldText ?? ""), new(DiffOperation.Added, newText ?? "")]);
        }
        var lengths = new int[before.Length + 1, after.Length + 1];
        for (var i = before.Length - 1; i >= 0; i--)
        {
            for (var j = after.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = before[i] == after[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        var segments = new List<DiffSegment>();
        int a = 0, b = 0;
        while (a < before.Length && b < after.Length)
        {
            if (before[a] == after[b])
            {
                segments.Add(new(DiffOperation.Unchanged, before[a++]));
                b++;
            }
            else if (lengths[a + 1, b] >= lengths[a, b + 1])
            {
                segments.Add(new(DiffOperation.Removed, before[a++]));
            }
            else
            {
                segments.Add(new(DiffOperation.Added, after[b++]));
            }
        }
        segments.AddRange(before[a..].Select(t => new DiffSegment(DiffOperation.Removed, t)));
        segments.AddRange(after[b..].Select(t => new DiffSegment(DiffOperation.Added, t)));
        return Merge(segments);
    }

    private static string[] Tokenize(string text) => [.. Tokens().Matches(text).Select(m => m.Value)];

    // Neighbours of one kind are joined, so the view shows whole phrases, not single words.
    private static List<DiffSegment> Merge(IEnumerable<DiffSegment> segments)
    {
        var merged = new List<DiffSegment>();
        foreach (var segment in segments.Where(s => s.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Operation == segment.Operation)
            {
                merged[^1] = merged[^1] with { Text = merged[^1].Text + segment.Text };
            }
            else
            {
                merged.Add(segment);
            }
        }
        return merged;
    }

    [GeneratedRegex(@"\s+|[^\s]+")]
    private static partial Regex Tokens();
}
