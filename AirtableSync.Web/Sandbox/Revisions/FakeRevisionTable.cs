namespace AirtableSync.Sandbox.Revisions;

/// <param name="ColumnType">Internal diff type name (§4.1), not the public API's.</param>
/// <param name="FormerName">The name the field had in the first half of every generated history: renames keep the id.</param>
public sealed record FakeRevisionField(string Id, string Name, string ColumnType, IReadOnlyList<string> Choices, string? FormerName = null);

/// <summary>The fields whose history the fake generates. <see cref="Sample"/> covers every type the parser reads.</summary>
public sealed record FakeRevisionTable(
    FakeRevisionField Status,
    FakeRevisionField Assignee,
    FakeRevisionField Tags,
    FakeRevisionField Notes,
    FakeRevisionField Estimate,
    FakeRevisionField Due,
    FakeRevisionField Done,
    FakeRevisionField Priority,
    FakeRevisionField Related,
    FakeRevisionField Files)
{
    public static FakeRevisionTable Sample { get; } = new(
        new("fldStatus00000001", "Status", "select", ["Todo", "In progress", "In review", "Done", "On hold"], FormerName: "Stage"),
        new("fldAssignee000001", "Assignee", "collaborator", [], FormerName: "Owner"),
        new("fldTags0000000001", "Tags", "multiSelect", ["backend", "frontend", "urgent", "customer", "tech debt"]),
        new("fldNotes000000001", "Notes", "multilineText", ["The login page", "times out", "for users", "on slow networks", "after the upgrade"]),
        new("fldEstimate000001", "Estimate (days)", "number", []),
        new("fldDue00000000001", "Due date", "date", []),
        new("fldDone0000000001", "Done?", "checkbox", []),
        new("fldPriority000001", "Priority", "rating", []),
        new("fldRelated0000001", "Related tickets", "foreignKey", ["Checkout fails", "Slow search", "Broken export", "Login loop"]),
        new("fldFiles000000001", "Files", "multipleAttachment", ["screenshot.png", "trace.har", "spec v2.pdf"]));
}
