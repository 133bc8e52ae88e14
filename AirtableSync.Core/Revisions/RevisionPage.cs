namespace AirtableSync.Revisions;

// Where one page of history belongs: the record, its table and base, the table's Status/Assignee fields and its synced
// schema (which decides value shapes; RevisionSchema.Empty leaves them to the markup).
public sealed record RevisionPageContext(string BaseId, string TableId, string RecordId, RevisionFieldRoles Roles, RevisionSchema? Schema = null);

// One page of readRowActivitiesAndComments, normalised. NextOffsetV2 is the cursor to send next, null on
// the last page (§3.2). SkippedActivityIds lists activities that carried no diffRowHtml.
public sealed record RevisionPage(
    IReadOnlyList<RevisionEvent> Events,
    IReadOnlyList<RecordComment> Comments,
    string? NextOffsetV2,
    IReadOnlyList<string> SkippedActivityIds);
