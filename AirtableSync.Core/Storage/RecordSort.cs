using AirtableSync.Revisions;

namespace AirtableSync.Storage;

internal enum RecordSortKind
{
    /// <summary>By the cell's own value; blank cells last.</summary>
    Value,
    /// <summary>By the position of the chosen option in the field's choices (select fields); blank cells last.</summary>
    ChoiceOrder,
    /// <summary>Unchecked (absent) before checked.</summary>
    Checkbox,
}

// How both providers order a page by one field, decided from the table's synced schema: the store knows
// the field's type and choices, so every caller (grid, CSV export, REST API) gets the same order.
//
// Rules, applied the same way by SQLite and MongoDB:
// - Blank cells (absent, null, "" or []) come last in BOTH directions. Airtable omits empty cells from `fields`
//   (docs/airtable/public-api.md §2.3, §3.1); the documented API does not say where a sort puts them, and
//   Airtable's grid keeps them at the end, so descending does not bring them to the top.
// - Select fields sort by option order (the choices' order in the schema), reversed when descending, not
//   alphabetically. A multi-select sorts by its first chosen option only. A name that is not (or no longer) a
//   choice sorts as if it were one more choice after the last, then by its text.
// - A checkbox is never blank: absent means unchecked, which sorts as a value before checked.
// - Ties break by created time, then record id, in the sort's direction, so pages never overlap or skip.
internal sealed record RecordSort(string FieldId, bool Descending, RecordSortKind Kind, IReadOnlyList<string> Choices)
{
    private static readonly HashSet<string> ChoiceTypes = new(StringComparer.Ordinal) { "singleSelect", "multipleSelects", "externalSyncSource" };

    public static RecordSort? For(RecordQuery query, IEnumerable<FieldSchema>? fields)
    {
        if (query.SortFieldId is not { } fieldId)
        {
            return null;
        }
        var descending = query.SortDirection == SortDirection.Descending;
        var field = fields?.FirstOrDefault(f => f.Id == fieldId && !f.IsRemoved);
        return field?.Type switch
        {
            { } type when ChoiceTypes.Contains(type) => new RecordSort(fieldId, descending, RecordSortKind.ChoiceOrder, ChoiceNames(field.OptionsJson)),
            "checkbox" => new RecordSort(fieldId, descending, RecordSortKind.Checkbox, []),
            _ => new RecordSort(fieldId, descending, RecordSortKind.Value, []),
        };
    }

    // By option order; a damaged options copy gives no choices, and cells then sort by their text.
    private static IReadOnlyList<string> ChoiceNames(string? optionsJson) =>
        [.. SchemaChoice.FromOptions(optionsJson).Select(c => c.Name!).Distinct(StringComparer.Ordinal)];
}
