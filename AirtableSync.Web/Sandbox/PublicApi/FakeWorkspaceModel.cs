using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

/// <summary>A base as list bases shows it (docs/airtable/public-api.md §2.1). permissionLevel is none|read|comment|edit|create.</summary>
public sealed record FakeBase(string Id, string Name, string PermissionLevel);

/// <summary>A table as the base schema shows it (docs/airtable/public-api.md §2.2). The first field is the primary field.</summary>
public sealed record FakeTable(
    string Id,
    string Name,
    string? Description,
    string PrimaryFieldId,
    IReadOnlyList<FakeField> Fields,
    IReadOnlyList<FakeView> Views);

/// <summary>A field (docs/airtable/public-api.md §2.3). <paramref name="Type"/> may be a type Airtable adds tomorrow; treat <paramref name="Options"/> as read-only.</summary>
public sealed record FakeField(string Id, string Name, string? Type, JsonObject? Options = null, string? Description = null);

/// <summary>What a test asks for when it adds a field; the workspace assigns the id.</summary>
public sealed record FakeFieldSpec(string Name, string? Type, JsonObject? Options = null, string? Description = null);

/// <summary>A view; type is grid|form|calendar|gallery|kanban|timeline|block (docs/airtable/public-api.md §2.2).</summary>
public sealed record FakeView(string Id, string Name, string Type = "grid");

/// <summary>
/// A record. Cells are keyed by field id and never hold an empty value (docs/airtable/public-api.md §3.1).
/// <paramref name="LastModifiedTime"/> is null until the first edit (see <see cref="FakeAirtableOptions.LastModifiedTimeEmptyUntilFirstEdit"/>).
/// Treat the JSON nodes as read-only: the workspace replaces records, it never mutates them.
/// </summary>
public sealed record FakeRecord(
    string Id,
    DateTimeOffset CreatedTime,
    DateTimeOffset? LastModifiedTime,
    IReadOnlyDictionary<string, JsonNode> Cells);
