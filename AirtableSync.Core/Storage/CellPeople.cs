namespace AirtableSync.Storage;

// What both providers share for IRecordStore.ListPeopleAsync. The stores group the people of a collaborator field
// (an object {id, email?, name?} per cell, or an array of them: docs/airtable/public-api.md §2.3); the order is
// applied here so it is the same on both: a field rarely holds more than a workspace's people.
internal static class CellPeople
{
    public static void Validate(string baseId, string tableId, string fieldId, int limit)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        if (!RecordQueryRules.IsFieldId(fieldId))
        {
            throw new ArgumentException($"Field id '{fieldId}' is not an Airtable field id.", nameof(fieldId));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
    }

    // By name ignoring case, people without a name (no Airtable account) last, then by id so equal names keep one order.
    public static IReadOnlyList<CellPerson> Order(IEnumerable<CellPerson> people, int limit) =>
        [.. people
            .OrderBy(p => p.Name is null)
            .ThenBy(p => p.Name, StringComparer.InvariantCultureIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(limit)];
}
