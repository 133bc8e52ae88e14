namespace AirtableSync.Revisions;

/// <summary>
/// Airtable's internal <c>data-columntype</c> names (revision-history.md §4.1), grouped by how their values are marked up.
/// They differ from the public API's type names; unknown names fall through to a generic reading.
/// </summary>
internal static class DiffColumnTypes
{
    private static readonly HashSet<string> SingleSelect = new(StringComparer.OrdinalIgnoreCase) { "select", "singleSelect" };
    private static readonly HashSet<string> MultiSelect = new(StringComparer.OrdinalIgnoreCase) { "multiSelect", "multipleSelects" };

    // Whether a multi-user field reports "collaborator" or a multi variant is not shown anywhere (§4.1 [U]);
    // "collaborator" is read as single-valued, the plural names as multi-valued.
    private static readonly HashSet<string> SingleCollaborator = new(StringComparer.OrdinalIgnoreCase) { "collaborator", "singleCollaborator", "user" };
    private static readonly HashSet<string> MultiCollaborator = new(StringComparer.OrdinalIgnoreCase) { "multipleCollaborators", "multiCollaborator", "collaborators" };

    private static readonly HashSet<string> Linked = new(StringComparer.OrdinalIgnoreCase) { "foreignKey", "multipleRecordLinks" };
    private static readonly HashSet<string> Text = new(StringComparer.OrdinalIgnoreCase)
    {
        "text", "multilineText", "asyncText", "richText", "singleLineText", "email", "url", "phone", "phoneNumber", "aiText",
    };
    private static readonly HashSet<string> Scalar = new(StringComparer.OrdinalIgnoreCase)
    {
        "number", "currency", "percent", "date", "dateTime", "duration", "autoNumber", "count",
    };
    private static readonly HashSet<string> Attachment = new(StringComparer.OrdinalIgnoreCase) { "multipleAttachment", "multipleAttachments", "attachment" };

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
        _ when Attachment.Contains(columnType) => DiffValueShape.Attachment,
        _ when string.Equals(columnType, "checkbox", StringComparison.OrdinalIgnoreCase) => DiffValueShape.Checkbox,
        _ when string.Equals(columnType, "rating", StringComparison.OrdinalIgnoreCase) => DiffValueShape.Rating,
        _ => DiffValueShape.Unknown,
    };
}

internal enum DiffValueShape { Unknown, SingleSelect, MultiSelect, SingleCollaborator, MultiCollaborator, LinkedRecord, Text, Scalar, Attachment, Checkbox, Rating }
