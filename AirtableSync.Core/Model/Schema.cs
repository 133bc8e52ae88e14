namespace AirtableSync.Model;

/// <summary>A base as listed by Airtable's list-bases endpoint.</summary>
public sealed record BaseInfo(string Id, string Name, string PermissionLevel);

public sealed record StoredBase(string Id, string Name, string PermissionLevel, bool IsRemoved, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, DateTimeOffset? LastSyncedAt);

/// <summary>A table as Airtable describes it now. <see cref="FieldSchema.OptionsJson"/> is Airtable's raw <c>options</c> JSON.</summary>
public sealed record TableSchema(string Id, string Name, string PrimaryFieldId, string? Description, IReadOnlyList<FieldSchema> Fields, IReadOnlyList<ViewSchema> Views);

/// <param name="Type">Public-API field type; unknown future types are kept verbatim. Null when Airtable omits it.</param>
public sealed record FieldSchema(string Id, string Name, string? Type, string? Description, string? OptionsJson, bool IsRemoved = false);

public sealed record ViewSchema(string Id, string Name, string Type);

public sealed record StoredTable(
    string BaseId,
    string Id,
    string Name,
    string PrimaryFieldId,
    string? Description,
    IReadOnlyList<FieldSchema> Fields,
    IReadOnlyList<ViewSchema> Views,
    bool IsRemoved,
    DateTimeOffset UpdatedAt);
