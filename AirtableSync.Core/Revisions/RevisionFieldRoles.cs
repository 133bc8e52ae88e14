namespace AirtableSync.Revisions;

// Which fields of one table are its Status and its Assignee, by field id. Ids survive renames, labels do not
// (docs/airtable/revision-history.md §8.2), so events are classified by columnId only.
public sealed record RevisionFieldRoles(string? StatusFieldId, string? AssigneeFieldId)
{
    public static RevisionFieldRoles None { get; } = new(null, null);

    private static readonly string[] SelectTypes = ["singleSelect"];
    private static readonly string[] CollaboratorTypes = ["singleCollaborator", "multipleCollaborators"];

    // A default for an admin who has not picked fields yet: a single select named like "status" or "stage" is the Status,
    // a collaborator field named like "assign" or "owner" is the Assignee. An exact name beats a containing one, so
    // "Status" wins over "Payment status" (§8.2 warns about substring matches).
    public static RevisionFieldRoles FromSchema(IReadOnlyList<FieldSchema> fields)
    {
        var live = fields.Where(f => !f.IsRemoved).ToList();
        return new(
            Pick(live, SelectTypes, ["status", "stage"]),
            Pick(live, CollaboratorTypes, ["assignee", "assigned to", "assign", "owner"]));
    }

    public RevisionEventKind KindOf(string? fieldId) =>
        fieldId is null ? RevisionEventKind.Field
        : fieldId == StatusFieldId ? RevisionEventKind.Status
        : fieldId == AssigneeFieldId ? RevisionEventKind.Assignee
        : RevisionEventKind.Field;

    private static string? Pick(IReadOnlyList<FieldSchema> fields, string[] types, string[] words)
    {
        var candidates = fields.Where(f => types.Contains(f.Type, StringComparer.OrdinalIgnoreCase)).ToList();
        foreach (var word in words)
        {
            if (candidates.FirstOrDefault(f => string.Equals(f.Name.Trim(), word, StringComparison.OrdinalIgnoreCase)) is { } exact)
            {
                return exact.Id;
            }
        }

        foreach (var word in words)
        {
            if (candidates.FirstOrDefault(f => f.Name.Contains(word, StringComparison.OrdinalIgnoreCase)) is { } near)
            {
                return near.Id;
            }
        }

        return null;
    }
}
