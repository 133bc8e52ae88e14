using System.Text.RegularExpressions;

namespace AirtableSync.Web.Components.Pages.RecordDetails.History;

public enum DiffOperation { Unchanged, Removed, Added }

public sealed record DiffSegment(DiffOperation Operation, string Text);

// Longest common subsequence over words and the whitespace between them, so a change reads like Airtable's own history.
// Changed words separated only by an unchanged space form one change: its old words become one removed phrase and
// its new words one added phrase, each with its own spaces, instead of "EarlierEdited notes2025…" interleaving.
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
        return Merge(GroupChanges(segments));
    }

    // Each run of changes (with the unchanged whitespace inside it) becomes its old side, then its new side.
    private static List<DiffSegment> GroupChanges(List<DiffSegment> segments)
    {
        var grouped = new List<DiffSegment>();
        var i = 0;
        while (i < segments.Count)
        {
            if (segments[i].Operation == DiffOperation.Unchanged)
            {
                grouped.Add(segments[i++]);
                continue;
            }
            var end = i;
            while (end + 1 < segments.Count && (segments[end + 1].Operation != DiffOperation.Unchanged
                || string.IsNullOrWhiteSpace(segments[end + 1].Text) && end + 2 < segments.Count && segments[end + 2].Operation != DiffOperation.Unchanged))
            {
                end++;
            }
            var run = segments[i..(end + 1)];
            var removed = string.Concat(run.Where(s => s.Operation != DiffOperation.Added).Select(s => s.Text));
            var added = string.Concat(run.Where(s => s.Operation != DiffOperation.Removed).Select(s => s.Text));
            // A side that is only the shared spaces did not change: it stays as plain text after the other side.
            var removedIsSpace = string.IsNullOrWhiteSpace(removed);
            var addedIsSpace = string.IsNullOrWhiteSpace(added);
            if (removedIsSpace && addedIsSpace)
            {
                // Only the spacing changed: show the new spacing, nothing to strike.
                grouped.Add(new(DiffOperation.Unchanged, added));
                i = end + 1;
                continue;
            }
            grouped.Add(new(removedIsSpace ? DiffOperation.Unchanged : DiffOperation.Removed, removedIsSpace ? "" : removed));
            grouped.Add(new(addedIsSpace ? DiffOperation.Unchanged : DiffOperation.Added, addedIsSpace ? "" : added));
            if (removedIsSpace != addedIsSpace)
            {
                grouped.Add(new(DiffOperation.Unchanged, removedIsSpace ? removed : added));
            }
            i = end + 1;
        }
        return grouped;
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
