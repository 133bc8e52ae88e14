namespace AirtableSync.Revisions;

// Value comparison after normalisation: no value equals an empty value, and token order is not meaningful (§4.2).
public static class RevisionValues
{
    public static bool Same(IReadOnlyList<string>? left, IReadOnlyList<string>? right)
    {
        var a = left ?? [];
        var b = right ?? [];
        return a.Count == b.Count
            && a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
