using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.ActivityFeed;
using AirtableSync.Web.Components.Pages.ActivityFeed.Export;
using AirtableSync.Web.Components.Pages.RecordList;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirtableSync.Web.Endpoints.Api;

/// <param name="RecordTitle">The record's primary field as stored now; null when the record is not in the local copy.</param>
/// <param name="OldValue">A string, a list of strings, or null, as the field's kind suggests (like the record revisions endpoint).</param>
public sealed record ActivityItemResponse(
    string RecordId,
    string? RecordTitle,
    string TableId,
    string? TableName,
    string ActivityId,
    string FieldId,
    string? FieldName,
    RevisionEventKind Kind,
    ChangeKind ChangeKind,
    object? OldValue,
    object? NewValue,
    DateTimeOffset ChangedAt,
    RevisionActorResponse Actor);

public sealed record ActivityResponse(IReadOnlyList<ActivityItemResponse> Items, string? NextCursor);

// A base's revision events across records, newest first, from the local copy.
public static class ActivityApi
{
    public static RouteGroupBuilder MapActivityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bases/{baseId}/activity", ListActivityAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem()
            .WithDescription("Revision events of the base, newest first, with cursor paging (take 1..200, default 50). Filters: tableId, fieldId, "
                + "actor (usr… id), kind (field|status|assignee), from (inclusive) and to (exclusive) as ISO 8601, q (case-insensitive substring "
                + "of the field name or values).");
        api.MapGet(ActivityExportEndpoints.ApiPattern, ActivityExportEndpoints.ExportAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription($"The same filters as /activity, as CSV (RFC 4180, UTF-8), newest first, at most {ActivityCsvWriter.MaxRows:N0} rows; cursor and take are ignored.");
        return api;
    }

    private static async Task<Results<Ok<ActivityResponse>, ProblemHttpResult, ValidationProblem>> ListActivityAsync(
        string baseId, HttpRequest request, ISchemaStore schemaStore, IRecordStore recordStore, IRevisionStore revisionStore, CancellationToken cancellationToken)
    {
        if (await schemaStore.GetBaseAsync(baseId, cancellationToken) is null)
        {
            return TypedResults.Problem(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"Base '{baseId}' is not in the local copy." });
        }
        var tables = await schemaStore.ListTablesAsync(baseId, cancellationToken);
        var errors = new Dictionary<string, string[]>();
        if (ActivityParameters.Of(request.Query).ToQuery(baseId, tables, errors) is not { } query)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var page = await revisionStore.QueryActivityAsync(query, cancellationToken);
        var titles = await RecordTitles.ResolveAsync(recordStore, schemaStore, baseId, page.Items.Select(e => e.RecordId).ToHashSet(StringComparer.Ordinal), cancellationToken);
        var schema = new ActivitySchema(tables);
        return TypedResults.Ok(new ActivityResponse([.. page.Items.Select(e => Item(e, schema, titles))], page.NextCursor));
    }

    private static ActivityItemResponse Item(RevisionEvent e, ActivitySchema schema, IReadOnlyDictionary<string, string> titles)
    {
        var field = schema.Field(e);
        var (oldValue, newValue) = RevisionsApi.Values(e, field);
        return new ActivityItemResponse(e.RecordId, titles.GetValueOrDefault(e.RecordId), e.TableId, schema.Table(e)?.Name, e.ActivityId, e.FieldId,
            field?.Name ?? e.FieldName, e.Kind, e.ChangeKind, oldValue, newValue, e.ChangedAt, new RevisionActorResponse(e.ActorId, e.ActorName, e.ActorEmail));
    }
}
