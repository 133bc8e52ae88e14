using System.Text.Json;

namespace AirtableSync.Web.Endpoints.Api;

public sealed record BaseResponse(string Id, string Name, string PermissionLevel, DateTimeOffset? LastSyncedAt);

public sealed record FieldResponse(string Id, string Name, string? Type);

public sealed record TableResponse(string Id, string Name, string PrimaryFieldId, IReadOnlyList<FieldResponse> Fields, int RecordCount);

/// <param name="Fields">Cells keyed by field id, exactly as Airtable returned them.</param>
public sealed record RecordResponse(string Id, DateTimeOffset CreatedTime, JsonElement Fields, bool Deleted);

public sealed record RecordListResponse(IReadOnlyList<RecordResponse> Records, string? NextCursor);
