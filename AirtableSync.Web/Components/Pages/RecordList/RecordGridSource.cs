using System.Globalization;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

/// <summary>A window of the grid's rows: the ones scrolled into view, or a page of the CSV export.</summary>
public sealed record RecordGridRequest(int Skip, int Take, string? Search, string? SortFieldId, bool Descending, bool IncludeDeleted, IReadOnlyList<RecordFilter>? Filters = null)
{
    // The CSV export pages through the same query, so it keeps the grid's rows and order.
    public RecordQuery ToQuery(string baseId, string tableId) => new(
        baseId,
        tableId,
        Skip: Math.Max(0, Skip),
        Take: Take,
        Search: string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        SortFieldId: SortFieldId,
        SortDirection: Descending ? SortDirection.Descending : SortDirection.Ascending,
        IncludeDeleted: IncludeDeleted,
        Filters: Filters is { Count: > 0 } ? Filters : null);
}

// Local store only: no Airtable call while browsing.
public static class RecordGridSource
{
    public static async Task<RowPage> LoadAsync(
        IRecordStore recordStore, ISchemaStore schemaStore, StoredTable table, RecordGridRequest request, CultureInfo culture, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var page = await recordStore.QueryRecordsAsync(request.ToQuery(table.BaseId, table.Id), cancellationToken);
        var columns = RecordCells.Columns(table);
        var titles = await LinkedRecordTitles.ResolveAsync(recordStore, schemaStore, table.BaseId, columns, page.Items.Select(r => r.FieldsJson), cancellationToken);
        var context = new CellFormatContext(culture, zone, table.BaseId, titles);
        return new RowPage([.. page.Items.Select(r => new RecordRow(r, RecordCells.Format(r.FieldsJson, columns, context)))], page.TotalCount, page.TotalIsLowerBound);
    }
}

/// <param name="TotalIsLowerBound">At least <paramref name="TotalCount"/> rows (RecordPage.TotalIsLowerBound).</param>
public sealed record RowPage(IReadOnlyList<RecordRow> Items, int TotalCount, bool TotalIsLowerBound = false);
