namespace AirtableSync.Sandbox.PublicApi;

// The first page's work (which records match, in which order, capped by maxRecords) is the iterator's snapshot.
internal static class RecordSelection
{
    public static string[] SelectIds(FakeAirtableState state, string baseId, FakeTable table, ListRecordsQuery query, RecordJsonWriter cells)
    {
        // The fake's views carry no filters or sorts: a known view keeps every record in insertion order.
        if (query.View is { } view && !table.Views.Any(v => v.Id == view || v.Name == view))
        {
            throw new PublicApiError(422, "VIEW_NAME_NOT_FOUND", $"Could not find view {view} in table {table.Id}");
        }
        var sorts = query.Sort
            .Select(s => (Field: table.Fields.FirstOrDefault(f => f.Id == s.Field) ?? table.Fields.FirstOrDefault(f => f.Name == s.Field)
                ?? throw PublicApiError.UnknownField(s.Field), s.Descending))
            .ToList();
        var filter = query.FilterByFormula is { Length: > 0 } formula
            ? FilterFormulaBinder.Compile(formula, table, state.Options.LastModifiedTimeEmptyUntilFirstEdit)
            : null;
        IEnumerable<FakeRecord> records = state.Workspace.GetRecords(baseId, table.Id);
        if (filter is not null)
        {
            records = records.Where(filter);
        }
        records = RecordOrdering.Apply(records, sorts, cells);
        if (query.MaxRecords is { } max)
        {
            records = records.Take(max);
        }
        return [.. records.Select(r => r.Id)];
    }
}
