using AirtableSync.Airtable;
using AirtableSync.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirtableSync.Web.Endpoints.Api;

public sealed record RevisionActorResponse(string? Id, string? Name, string? Email);

/// <param name="OldValue">A string, a list of strings, or null — as the field's kind suggests.</param>
public sealed record RevisionResponse(
    string ActivityId,
    string? GroupType,
    string FieldId,
    string? FieldName,
    string? FieldType,
    RevisionEventKind Kind,
    ChangeKind ChangeKind,
    object? OldValue,
    object? NewValue,
    RevisionActorResponse Actor,
    DateTimeOffset ChangedAt);

// Newest first, with field names and types as they are now.
public static class RevisionsApi
{
    // Public-API types whose cells hold several values; their changes are lists, others a single string.
    private static readonly HashSet<string> ListTypes = new(StringComparer.Ordinal)
    {
        "multipleSelects", "multipleCollaborators", "multipleRecordLinks", "multipleAttachments", "multipleLookupValues",
    };

    public static RouteGroupBuilder MapRevisionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/records/{recordId}/revisions", ListRevisionsAsync).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<RevisionResponse[]>, ProblemHttpResult, ValidationProblem>> ListRevisionsAsync(
        string recordId, IRecordStore recordStore, ISchemaStore schemaStore, IRevisionStore revisionStore, CancellationToken cancellationToken)
    {
        if (!AirtableIds.IsRecordId(recordId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["recordId"] = [$"'{recordId}' is not an Airtable record id."] });
        }
        if (await recordStore.GetRecordAsync(recordId, cancellationToken) is not { } record)
        {
            return TypedResults.Problem(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"Record '{recordId}' is not in the local copy." });
        }

        var fields = (await schemaStore.GetTableAsync(record.BaseId, record.TableId, cancellationToken))?.Fields
            .ToDictionary(f => f.Id, StringComparer.Ordinal) ?? [];
        var events = await revisionStore.GetRevisionsAsync(recordId, cancellationToken);
        return TypedResults.Ok(events.Select(e =>
        {
            var field = fields.GetValueOrDefault(e.FieldId);
            var (oldValue, newValue) = Values(e, field);
            return new RevisionResponse(e.ActivityId, e.GroupType, e.FieldId, field?.Name ?? e.FieldName, field?.Type, e.Kind, e.ChangeKind,
                oldValue, newValue, new RevisionActorResponse(e.ActorId, e.ActorName, e.ActorEmail), e.ChangedAt);
        }).ToArray());
    }

    // The change's values as the field's kind suggests (the activity feed shapes them the same way).
    internal static (object? Old, object? New) Values(RevisionEvent e, FieldSchema? field)
    {
        var isList = field?.Type is { } type ? ListTypes.Contains(type) : e.ColumnType is "multiSelect" or "foreignKey" or "multipleAttachment";
        return (Shape(e.OldValues, isList), Shape(e.NewValues, isList));
    }

    private static object? Shape(IReadOnlyList<string>? values, bool isList) => values switch
    {
        null => null,
        _ when isList => values,
        [] => null,
        _ => string.Join(", ", values),
    };
}
