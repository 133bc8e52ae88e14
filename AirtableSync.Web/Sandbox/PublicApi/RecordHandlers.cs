using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AirtableSync.Sandbox.PublicApi;

// List records (GET and POST, docs/airtable/public-api.md §3.1–3.3) and get record (§3.4).
internal static partial class RecordHandlers
{
    public static async Task ListRecordsAsync(HttpContext context, FakeAirtableState state, PublicApiRoute route, CancellationToken cancellationToken)
    {
        ListRecordsQuery query;
        if (route.Kind == PublicApiRouteKind.ListRecordsPost)
        {
            // Only timeZone/userLocale belong in a POST's query string (docs/airtable/public-api.md §3.2); an offset there is refused.
            QueryParameters.AllowOnly(context.Request.Query, "timeZone", "userLocale");
            query = ListRecordsBody.Parse(await ReadJsonBodyAsync(context.Request, cancellationToken));
        }
        else
        {
            query = ListRecordsQuery.FromQueryString(context.Request.Query);
        }
        var (baseId, table) = ResolveTable(state, route);
        var writer = new RecordJsonWriter(table, OnlyFields(table, query.Fields), query.ReturnFieldsByFieldId, query.CommentCount, state.Options.LastModifiedTimeEmptyUntilFirstEdit);
        var (ids, start, iteratorId) = query.Offset is { } offset
            ? Resume(state, offset, baseId, table.Id)
            : (RecordSelection.SelectIds(state, baseId, table, query, writer), 0, null);

        var page = new List<FakeRecord>(query.PageSize);
        var next = start;
        while (page.Count < query.PageSize && next < ids.Length)
        {
            var take = Math.Min(query.PageSize - page.Count, ids.Length - next);
            page.AddRange(state.Workspace.FindLiveRecords(baseId, table.Id, ids.Skip(next).Take(take)));
            next += take;
        }
        string? nextOffset = null;
        if (next < ids.Length)
        {
            iteratorId ??= state.Iterators.Start(baseId, table.Id, ids);
            nextOffset = FakeRecordIterators.OffsetOf(iteratorId, ids[next]);
        }
        await PublicApiResponses.WriteJsonAsync(context, 200, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            foreach (var record in page)
            {
                writer.Write(w, record);
            }
            w.WriteEndArray();
            if (nextOffset is not null)
            {
                w.WriteString("offset", nextOffset);
            }
            w.WriteEndObject();
        }, cancellationToken);
    }

    public static Task GetRecordAsync(HttpContext context, FakeAirtableState state, PublicApiRoute route, CancellationToken cancellationToken)
    {
        QueryParameters.AllowOnly(context.Request.Query, "returnFieldsByFieldId", "cellFormat", "timeZone", "userLocale");
        ListRecordsQuery.CheckCellFormat(QueryParameters.Single(context.Request.Query, "cellFormat"));
        var byId = QueryParameters.Boolean(QueryParameters.Single(context.Request.Query, "returnFieldsByFieldId"), "returnFieldsByFieldId");
        var (baseId, table) = ResolveTable(state, route);
        var record = state.Workspace.FindRecord(baseId, table.Id, route.RecordId ?? "") ?? throw PublicApiError.NotFoundBare();
        var writer = new RecordJsonWriter(table, null, byId, commentCount: false, state.Options.LastModifiedTimeEmptyUntilFirstEdit);
        return PublicApiResponses.WriteJsonAsync(context, 200, w => writer.Write(w, record), cancellationToken);
    }

    // An unknown table is 404 in the object shape {"error":{"type":"TABLE_NOT_FOUND",…}}; the bare {"error":"NOT_FOUND"}
    // is for unknown routes and records (docs/airtable/public-api.md §4.3 shows both shapes).
    private static (string BaseId, FakeTable Table) ResolveTable(FakeAirtableState state, PublicApiRoute route)
    {
        var baseId = route.BaseId ?? "";
        var table = state.Workspace.FindTable(baseId, route.Table ?? "")
            ?? throw new PublicApiError(404, "TABLE_NOT_FOUND", $"Could not find table {route.Table} in application {baseId}");
        return (baseId, table);
    }

    private static HashSet<string>? OnlyFields(FakeTable table, IReadOnlyList<string>? names) => names?
        .Select(n => (table.Fields.FirstOrDefault(f => f.Id == n) ?? table.Fields.FirstOrDefault(f => f.Name == n)
            ?? throw PublicApiError.UnknownField(n)).Id)
        .ToHashSet(StringComparer.Ordinal);

    // A malformed offset is 422 INVALID_OFFSET_VALUE; a well-formed one whose iterator expired, was restarted away or belongs to
    // another table is 422 LIST_RECORDS_ITERATOR_NOT_AVAILABLE (docs/airtable/public-api.md §3.3): restart from page 1.
    private static (string[] Ids, int Start, string? IteratorId) Resume(FakeAirtableState state, string offset, string baseId, string tableId)
    {
        if (!OffsetShape().IsMatch(offset))
        {
            throw new PublicApiError(422, "INVALID_OFFSET_VALUE", "The offset is invalid.");
        }
        var resumed = state.Iterators.Resume(offset, baseId, tableId) ?? throw PublicApiError.IteratorNotAvailable();
        return (resumed.Ids, resumed.Start, offset[..17]);
    }

    private static async Task<byte[]> ReadJsonBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength is not 0 && request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            throw PublicApiError.InvalidRequest("Invalid request: POST listRecords needs Content-Type: application/json.");
        }
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    [GeneratedRegex("^itr[A-Za-z0-9]{14}/rec[A-Za-z0-9]{14}$")]
    private static partial Regex OffsetShape();
}
