using System.Text.Json;

namespace AirtableSync.Revisions;

// Turns one page of readRowActivitiesAndComments (docs/airtable/revision-history.md §3.1) into field-level
// RevisionEvents keyed (record, activity, field) and the record's comments, following §8.
public sealed class RevisionActivityNormalizer(RevisionDiffParser parser)
{
    /// <exception cref="RevisionPayloadException">The JSON is not a success envelope of the expected shape.</exception>
    public RevisionPage Normalize(string json, RevisionPageContext context) =>
        Normalize(RevisionEnvelopeReader.Read(json), context);

    /// <exception cref="RevisionPayloadException">The JSON is not a success envelope of the expected shape.</exception>
    public RevisionPage Normalize(JsonElement root, RevisionPageContext context) =>
        Normalize(RevisionEnvelopeReader.Read(root), context);

    private RevisionPage Normalize(RevisionEnvelope envelope, RevisionPageContext context)
    {
        var events = new List<RevisionEvent>();
        var skipped = new List<string>();
        // List order of orderedActivityAndCommentIds is not established (§3.1 [U]); time order is ours.
        foreach (var activity in envelope.Activities.OrderBy(a => a.CreatedTime).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            // Some activities carry no diffRowHtml at all (§3.1, every implementation skips them): there is no field
            // change to record. Their ids are reported so a caller can count them; an empty string still goes to the
            // parser, which keeps it as an unparsed change.
            if (activity.DiffRowHtml is null)
            {
                skipped.Add(activity.Id);
                continue;
            }

            events.AddRange(EventsOf(activity, envelope.Users, context));
        }

        var comments = envelope.Comments
            .OrderBy(c => c.CreatedTime)
            .Select(c => new RecordComment(context.RecordId, c.Id, c.UserId, UserOf(envelope.Users, c.UserId)?.Name, c.Text, c.CreatedTime))
            .ToList();
        return new RevisionPage(events, comments, envelope.OffsetV2, skipped);
    }

    private IEnumerable<RevisionEvent> EventsOf(ActivityDto activity, IReadOnlyDictionary<string, UserDto> users, RevisionPageContext context)
    {
        // Row creation shows the initial values; it is recorded as "from nothing to value" whatever the markup says (§8.3).
        var isCreate = activity.GroupType is { } g
            && (g.Equals("rowCreate", StringComparison.OrdinalIgnoreCase) || g.Equals("apiRowCreate", StringComparison.OrdinalIgnoreCase));
        var actor = UserOf(users, activity.UserId);
        var usedFieldIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in parser.Parse(activity.DiffRowHtml, context.Schema))
        {
            var oldValues = isCreate ? null : change.OldValues;
            if (change.IsParsed && RevisionValues.Same(oldValues, change.NewValues))
            {
                continue; // select re-render noise (§8.3)
            }

            // The key must stay unique per activity: an unparsed container without a columnId gets a synthetic id from
            // its position, and a field appearing twice in one activity (never observed) gets its position appended.
            var fieldId = change.FieldId ?? $"unparsed:{change.Index}";
            var keyFieldId = usedFieldIds.Add(fieldId) ? fieldId : $"{fieldId}#{change.Index}";
            yield return new RevisionEvent
            {
                RecordId = context.RecordId,
                BaseId = context.BaseId,
                TableId = context.TableId,
                ActivityId = activity.Id,
                FieldId = keyFieldId,
                FieldName = change.FieldName,
                ColumnType = change.ColumnType,
                Kind = context.Roles.KindOf(change.FieldId),
                ChangeKind = isCreate ? ChangeKind.NullToValue : change.ChangeKind,
                OldValues = oldValues,
                NewValues = change.NewValues,
                ChangedAt = activity.CreatedTime,
                ActorId = activity.UserId,
                ActorName = actor?.Name,
                ActorEmail = actor?.Email,
                GroupType = activity.GroupType,
                IsParsed = change.IsParsed,
                RawHtml = change.RawHtml,
            };
        }
    }

    private static UserDto? UserOf(IReadOnlyDictionary<string, UserDto> users, string? id) =>
        id is not null && users.TryGetValue(id, out var user) ? user : null;
}
