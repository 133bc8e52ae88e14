namespace AirtableSync.Revisions;

// The §3.1 envelope as read from JSON; wire shapes stay inside the feature.
internal sealed record RevisionEnvelope(
    IReadOnlyList<ActivityDto> Activities,
    IReadOnlyDictionary<string, UserDto> Users,
    IReadOnlyList<CommentDto> Comments,
    string? OffsetV2);

internal sealed record ActivityDto(string Id, DateTimeOffset CreatedTime, string? UserId, string? DiffRowHtml, string? GroupType);

internal sealed record UserDto(string Id, string? Name, string? Email);

internal sealed record CommentDto(string Id, string? UserId, string Text, DateTimeOffset CreatedTime);
