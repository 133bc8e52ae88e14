namespace AirtableSync.Web.Components.Pages.RecordDetails.History;

public sealed record RevisionFilter(string? FieldId = null, string? Person = null, bool StatusAndAssigneeOnly = false)
{
    // Newest first, whatever order they came in.
    public IReadOnlyList<RevisionEvent> Apply(IEnumerable<RevisionEvent> events) =>
    [
        .. events
            .Where(e => FieldId is null || e.FieldId == FieldId)
            .Where(e => Person is null || ActorLabel(e) == Person)
            .Where(e => !StatusAndAssigneeOnly || e.Kind is RevisionEventKind.Status or RevisionEventKind.Assignee)
            .OrderByDescending(e => e.ChangedAt)
            .ThenBy(e => e.FieldId, StringComparer.Ordinal),
    ];

    public static string ActorLabel(RevisionEvent e) => e.ActorName ?? e.ActorEmail ?? e.ActorId ?? "Unknown person";
}
