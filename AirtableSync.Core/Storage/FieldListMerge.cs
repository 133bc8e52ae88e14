namespace AirtableSync.Storage;

// Fields are matched by id, so a rename replaces the name in place; a field Airtable no longer lists is
// kept (marked removed) because stored cells and revision events still refer to it.
internal static class FieldListMerge
{
    public static IReadOnlyList<FieldSchema> Merge(IReadOnlyList<FieldSchema> current, IReadOnlyList<FieldSchema>? previous)
    {
        var merged = current.Select(f => f with { IsRemoved = false }).ToList();
        if (previous is null)
        {
            return merged;
        }
        var currentIds = current.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        merged.AddRange(previous.Where(f => !currentIds.Contains(f.Id)).Select(f => f with { IsRemoved = true }));
        return merged;
    }
}
