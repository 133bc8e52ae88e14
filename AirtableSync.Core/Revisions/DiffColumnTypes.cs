namespace AirtableSync.Revisions;

// How a field's values are drawn in a diff, named two ways: by the synced schema's public type (what decides) and by
// Airtable's internal data-columntype (docs/airtable/revision-history.md §4.1; only the fallback for fields the schema does
// not know). Unknown names fall through to a generic reading.
internal static class DiffColumnTypes
{
    private static readonly HashSet<string> SingleSelect = new(StringComparer.OrdinalIgnoreCase) { "select", "singleSelect" };
    private static readonly HashSet<string> MultiSelect = new(StringComparer.OrdinalIgnoreCase) { "multiSelect", "multipleSelects" };

    // Whether a multi-user field's markup says "collaborator" or a multi variant is not shown anywhere
    // (docs/airtable/revision-history.md §4.1 [U]). The schema's type decides for every field it knows (see ShapeOfSchemaType), so
    // this guess only matters for fields it does not: there "collaborator" is read as single-valued.
    private static readonly HashSet<string> SingleCollaborator = new(StringComparer.OrdinalIgnoreCase) { "collaborator", "singleCollaborator", "user" };
    private static readonly HashSet<string> MultiCollaborator = new(StringComparer.OrdinalIgnoreCase) { "multipleCollaborators", "multiCollaborator", "collaborators" };

    private static readonly HashSet<string> Linked = new(StringComparer.OrdinalIgnoreCase) { "foreignKey", "multipleRecordLinks" };
    private static readonly HashSet<string> Text = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "multilineText", "asyncText", "richText", "singleLineText", "email", "url", "phone", "phoneNumber", "aiText",
    };
    private static readonly HashSet<string> Scalar = new(StringComparer.OrdinalIgnoreCase)
    {
        "number", "currency", "percent", "duration", "autoNumber", "count",
    };
    private static readonly HashSet<string> Date = new(StringComparer.OrdinalIgnoreCase) { "date", "dateTime" };
    private static readonly HashSet<string> Attachment = new(StringComparer.OrdinalIgnoreCase) { "multipleAttachment", "multipleAttachments", "attachment" };

    // Public types that are not drawn like any one shape: lookups, formulas and rollups take the shape of their
    // result, which only the markup shows (docs/airtable/public-api.md §2.3).
    private static readonly HashSet<string> ShapedByResult = new(StringComparer.OrdinalIgnoreCase)
    {
        "formula", "rollup", "multipleLookupValues", "lookup",
    };

    public static DiffValueShape ShapeOf(string? columnType) => columnType switch
    {
        null => DiffValueShape.Unknown,
        _ when SingleSelect.Contains(columnType) => DiffValueShape.SingleSelect,
        _ when MultiSelect.Contains(columnType) => DiffValueShape.MultiSelect,
        _ when SingleCollaborator.Contains(columnType) => DiffValueShape.SingleCollaborator,
        _ when MultiCollaborator.Contains(columnType) => DiffValueShape.MultiCollaborator,
        _ when Linked.Contains(columnType) => DiffValueShape.LinkedRecord,
        _ when Text.Contains(columnType) => DiffValueShape.Text,
        _ when Scalar.Contains(columnType) => DiffValueShape.Scalar,
        _ when Date.Contains(columnType) => DiffValueShape.Date,
        _ when Attachment.Contains(columnType) => DiffValueShape.Attachment,
        _ when string.Equals(columnType, "checkbox", StringComparison.OrdinalIgnoreCase) => DiffValueShape.Checkbox,
        _ when string.Equals(columnType, "rating", StringComparison.OrdinalIgnoreCase) => DiffValueShape.Rating,
        _ => DiffValueShape.Unknown,
    };

    // Shape by the synced schema's public type (docs/airtable/public-api.md §2.3); Unknown when the type does not fix one.
    public static DiffValueShape ShapeOfSchemaType(string? publicType) => publicType switch
    {
        null => DiffValueShape.Unknown,
        _ when ShapedByResult.Contains(publicType) => DiffValueShape.Unknown,
        "singleCollaborator" or "createdBy" or "lastModifiedBy" => DiffValueShape.SingleCollaborator,
        "externalSyncSource" => DiffValueShape.SingleSelect,
        "createdTime" or "lastModifiedTime" => DiffValueShape.Date,
        _ => ShapeOf(publicType),
    };

    public static bool IsSelect(DiffValueShape shape) => shape is DiffValueShape.SingleSelect or DiffValueShape.MultiSelect;
}

internal enum DiffValueShape { Unknown, SingleSelect, MultiSelect, SingleCollaborator, MultiCollaborator, LinkedRecord, Text, Scalar, Date, Attachment, Checkbox, Rating }
