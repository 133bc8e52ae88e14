using System.Globalization;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>What the records grid asks for: a page, a sort and a search, all answered by the local store.</summary>
public sealed record RecordGridRequest(int Page, int PageSize, string? Search, string? SortFieldId, bool Descending, bool IncludeDeleted)
{
    /// <summary>The store query for this page; the CSV export pages through the same one, so it keeps the grid's rows and order.</summary>
    public RecordQuery ToQuery(string baseId, string tableId) => new(
        baseId,
        tableId,
        Skip: Math.Max(0, Page) * PageSize,
        Take: PageSize,
        Search: string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        SortFieldId: SortFieldId,
        SortDirection: Descending ? SortDirection.Descending : SortDirection.Ascending,
        IncludeDeleted: IncludeDeleted);
}

/// <summary>Serves the records grid from the local store only (no Airtable call while browsing).</summary>
public static class RecordGridSource
{
    public static async Task<RowPage> LoadAsync(
        IRecordStore recordStore, ISchemaStore schemaStore, StoredTable table, RecordGridRequest request, CultureInfo culture, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var page = await recordStore.QueryRecordsAsync(request.ToQuery(table.BaseId, table.Id), cancellationToken);
        var columns = RecordCells.Columns(table);
        var titles = await LinkedRecordTitles.ResolveAsync(recordStore, schemaStore, table.BaseId, columns, page.Items.Select(r => r.FieldsJson), cancellationToken);
        var context = new CellFormatContext(culture, zone, table.BaseId, titles);
        return new RowPage([.. page.Items.Select(r => new RecordRow(r, RecordCells.Format(r.FieldsJson, columns, context)))], page.TotalCount);
    }
}

public sealed record RowPage(IReadOnlyList<RecordRow> Items, int TotalCount);
