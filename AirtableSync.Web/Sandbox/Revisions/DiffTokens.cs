using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

internal enum TokenMark { Removed, Added, Unchanged }

internal sealed record DiffToken(string Text, TokenMark Mark);

// A change splits into drawn tokens: removed (old only), added (new only) and unchanged (both sides).
internal static class DiffTokens
{
    public static IReadOnlyList<DiffToken> Of(FakeFieldChange change, bool newBeforeOld)
    {
        var old = change.OldValues ?? [];
        var @new = change.NewValues ?? [];
        if (change.Kind == ChangeKind.NullToValue)
        {
            return [.. @new.Select(v => new DiffToken(v, TokenMark.Added))];
        }

        if (change.Kind == ChangeKind.ValueToNull)
        {
            return [.. old.Select(v => new DiffToken(v, TokenMark.Removed))];
        }

        var removed = old.Where(v => !@new.Contains(v)).Select(v => new DiffToken(v, TokenMark.Removed));
        var unchanged = old.Where(@new.Contains).Select(v => new DiffToken(v, TokenMark.Unchanged));
        var added = @new.Where(v => !old.Contains(v)).Select(v => new DiffToken(v, TokenMark.Added));
        return newBeforeOld ? [.. added, .. unchanged, .. removed] : [.. removed, .. unchanged, .. added];
    }

    public static string Initials(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(w => char.ToUpperInvariant(w[0])));
}
