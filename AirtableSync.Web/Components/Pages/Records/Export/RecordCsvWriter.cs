using System.Text;
using AirtableSync.Storage;

namespace AirtableSync.Web.Components.Pages.Records.Export;

/// <summary>Streams a table's local records as CSV, one store page at a time, so memory does not grow with the table.</summary>
public static class RecordCsvWriter
{
    /// <summary>The store's largest page (ISyncStore.QueryRecordsAsync takes 1..1000).</summary>
    public const int PageSize = 1000;

    public static async Task WriteAsync(ISyncStore store, StoredTable table, string? search, bool includeDeleted, Stream output, CancellationToken cancellationToken)
    {
        // Excel opens a UTF-8 file as its ANSI code page unless the file starts with a byte order mark.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, encoding, bufferSize: 16 * 1024, leaveOpen: true);

        // The grid's columns: live fields, primary first, then Airtable's order.
        var columns = RecordCells.Columns(table);
        IEnumerable<string> header = ["Record ID", "Created", .. columns.Select(f => f.Name)];
        await writer.WriteAsync(CsvText.Line(includeDeleted ? header.Append("Deleted") : header));

        var query = new RecordQuery(table.BaseId, table.Id, Skip: 0, Take: PageSize,
            Search: string.IsNullOrWhiteSpace(search) ? null : search.Trim(), IncludeDeleted: includeDeleted);
        while (true)
        {
            // Default order (created time, id) is stable, so skip/take pages neither repeat nor miss a record
            // unless a sync inserts older records meanwhile.
            var page = await store.QueryRecordsAsync(query, cancellationToken);
            var titles = await LinkedRecordTitles.ResolveAsync(store, table.BaseId, columns, page.Items.Select(r => r.FieldsJson), cancellationToken);
            var context = ExportCells.Context(table.BaseId, titles);
            foreach (var record in page.Items)
            {
                string[] fixedCells = [record.Id, ExportCells.Instant(record.CreatedTime)];
                var cells = fixedCells.Concat(ExportCells.Format(record.FieldsJson, columns, context));
                await writer.WriteAsync(CsvText.Line(includeDeleted ? cells.Append(ExportCells.Instant(record.DeletedAt)) : cells));
            }
            await writer.FlushAsync(cancellationToken);
            if (page.Items.Count < PageSize)
            {
                return;
            }
            query = query with { Skip = query.Skip + PageSize };
        }
    }
}
