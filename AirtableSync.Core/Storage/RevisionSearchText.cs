namespace AirtableSync.Storage;

// What the activity feed's search looks in: the field's name and the old and new values, one per line so a match
// never spans two values, lower-cased with the invariant culture like records' search text.
internal static class RevisionSearchText
{
    public static string Of(RevisionEvent revision) => string.Join('\n',
        [revision.FieldName ?? "", .. revision.OldValues ?? [], .. revision.NewValues ?? []]).ToLowerInvariant();
}
