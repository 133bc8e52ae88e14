using System.Text.Json;
using AirtableSync.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AirtableSync.Web.Endpoints.Api;

// Read-only access to the local copy: never calls Airtable.
public static class CatalogApi
{
    private const int MaxLimit = 1000;

    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/bases", ListBasesAsync);
        // Refusals are TypedResults.Problem, not NotFound(problem): only Problem answers application/problem+json.
        api.MapGet("/bases/{baseId}/tables", ListTablesAsync).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/bases/{baseId}/tables/{tableId}/records", ListRecordsAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Records of the local copy, oldest first, with cursor paging and search. Filters per field, all of which a record must meet: "
                + "filter[fieldId]=option (select option names or collaborator ids, repeat for any of several), blank[fieldId]=true (also empty cells), "
                + "from[fieldId]=yyyy-MM-dd and to[fieldId]=yyyy-MM-dd (date fields, days in UTC, both inclusive).");
        return api;
    }

    private static async Task<Ok<BaseResponse[]>> ListBasesAsync(ISchemaStore store, CancellationToken cancellationToken)
    {
        var bases = await store.ListBasesAsync(cancellationToken);
        return TypedResults.Ok(bases.Where(b => !b.IsRemoved)
            .Select(b => new BaseResponse(b.Id, b.Name, b.PermissionLevel, b.LastSyncedAt)).ToArray());
    }

    private static async Task<Results<Ok<TableResponse[]>, ProblemHttpResult>> ListTablesAsync(
        string baseId, ISchemaStore schemaStore, IRecordStore recordStore, CancellationToken cancellationToken)
    {
        if (await schemaStore.GetBaseAsync(baseId, cancellationToken) is null)
        {
            return TypedResults.Problem(NotFoundProblem($"Base '{baseId}' is not in the local copy."));
        }

        var tables = await schemaStore.ListTablesAsync(baseId, cancellationToken);
        var responses = new List<TableResponse>();
        foreach (var table in tables.Where(t => !t.IsRemoved))
        {
            var count = await recordStore.QueryRecordsAsync(new RecordQuery(baseId, table.Id, Take: 1), cancellationToken);
            responses.Add(new TableResponse(table.Id, table.Name, table.PrimaryFieldId,
                [.. table.Fields.Where(f => !f.IsRemoved).Select(f => new FieldResponse(f.Id, f.Name, f.Type))],
                count.TotalCount));
        }
        return TypedResults.Ok(responses.ToArray());
    }

    private static async Task<Results<Ok<RecordListResponse>, ValidationProblem, ProblemHttpResult>> ListRecordsAsync(
        string baseId,
        string tableId,
        ISchemaStore schemaStore,
        IRecordStore recordStore,
        HttpRequest request,
        CancellationToken cancellationToken,
        int limit = 100,
        string? cursor = null,
        string? q = null,
        bool includeDeleted = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }
        if (!RecordCursor.TryDecode(cursor, out var skip))
        {
            errors["cursor"] = ["cursor is not a cursor this API returned."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await schemaStore.GetTableAsync(baseId, tableId, cancellationToken) is not { } table)
        {
            return TypedResults.Problem(NotFoundProblem($"Table '{tableId}' of base '{baseId}' is not in the local copy."));
        }
        var filters = RecordFilterParameters.Read(request.Query, table, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        RecordPage page;
        try
        {
            page = await recordStore.QueryRecordsAsync(
                new RecordQuery(baseId, tableId, skip, limit, string.IsNullOrWhiteSpace(q) ? null : q, IncludeDeleted: includeDeleted, Filters: filters),
                cancellationToken);
        }
        catch (ArgumentException e) when (filters.Count > 0)
        {
            // What the parameters cannot see: too many filters or values, or a field the schema lost since it was read.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [e.Message] });
        }
        var records = page.Items.Select(r => new RecordResponse(
            r.Id, r.CreatedTime, JsonDocument.Parse(r.FieldsJson).RootElement.Clone(), r.IsDeleted)).ToArray();
        var next = skip + records.Length < page.TotalCount && records.Length > 0 ? RecordCursor.Encode(skip + records.Length) : null;
        return TypedResults.Ok(new RecordListResponse(records, next));
    }

    private static ProblemDetails NotFoundProblem(string detail) =>
        new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };
}
