namespace AirtableSync.Sandbox.Revisions;

/// <summary>One entry of a record's history in the fake: a row activity or a comment (they share one id list, §3.1).</summary>
public abstract record FakeActivity(string Id, DateTimeOffset CreatedTime, string UserId);

/// <summary>A row activity. <see cref="Changes"/> is what <see cref="DiffRowHtml"/> draws, kept so tests can compare a parse with it.</summary>
/// <param name="DiffRowHtml">Null for activities Airtable sends without a diff (e.g. some <c>columnConfig</c> entries, §3.1).</param>
public sealed record FakeRowActivity(
    string Id,
    DateTimeOffset CreatedTime,
    string UserId,
    string GroupType,
    IReadOnlyList<FakeFieldChange> Changes,
    string? DiffRowHtml) : FakeActivity(Id, CreatedTime, UserId);

public sealed record FakeComment(string Id, DateTimeOffset CreatedTime, string UserId, string Text) : FakeActivity(Id, CreatedTime, UserId);
