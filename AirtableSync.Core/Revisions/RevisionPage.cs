namespace AirtableSync.Revisions;

/// <summary>
/// Where one page of history belongs: the record, its table and base, the table's Status/Assignee fields and its synced
/// schema (which decides value shapes; <see cref="RevisionSchema.Empty"/> leaves them to the markup).
/// </summary>
public sealed record RevisionPageContext(string BaseId, string TableId, string RecordId, RevisionFieldRoles Roles, RevisionSchema? Schema = null);

/// <summary>
/// One page of <c>readRowActivitiesAndComments</c>, normalised. <see cref="NextOffsetV2"/> is the cursor to send next, null on
/// the last page (§3.2). <see cref="SkippedActivityIds"/> lists activities that carried no <c>diffRowHtml</c>.
/// </summary>
public sealed record RevisionPage(
    IReadOnlyList<RevisionEvent> Events,
    IReadOnlyList<RecordComment> Comments,
    string? NextOffsetV2,
    IReadOnlyList<string> SkippedActivityIds);
