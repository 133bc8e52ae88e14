using System.Globalization;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.Records.Cells;

namespace AirtableSync.Web.Components.Pages.Records;

/// <summary>What the records grid asks for: a page, a sort and a search, all answered by the local store.</summary>
public sealed record RecordGridRequest(int Page, int PageSize, string? Search, string? SortFieldId, bool Descending, bool IncludeDeleted);

/// <summary>Serves the records grid from the local store only (no Airtable call while browsing).</summary>
public static class RecordGridSource
{
    public static async Task<RowPage> LoadAsync(
        ISyncStore store, StoredTable table, RecordGridRequest request, CultureInfo culture, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var query = new RecordQuery(
            table.BaseId,
            table.Id,
            Skip: Math.Max(0, request.Page) * request.PageSize,
            Take: request.PageSize,
            Search: string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim(),
            SortFieldId: request.SortFieldId,
            SortDirection: request.Descending ? SortDirection.Descending : SortDirection.Ascending,
            IncludeDeleted: request.IncludeDeleted);
        var page = await store.QueryRecordsAsync(query, cancellationToken);
        var columns = RecordCells.Columns(table);
        var titles = await LinkedRecordTitles.ResolveAsync(store, table.BaseId, columns, page.Items.Select(r => r.FieldsJson), cancellationToken);
        var context = new CellFormatContext(culture, zone, table.BaseId, titles);
        return new RowPage([.. page.Items.Select(r => new RecordRow(r, RecordCells.Format(r.FieldsJson, columns, context)))], page.TotalCount);
    }
}

public sealed record RowPage(IReadOnlyList<RecordRow> Items, int TotalCount);
