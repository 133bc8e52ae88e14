using System.Text;
using AirtableSync.Storage;

namespace AirtableSync.Web.Components.Pages.RecordList.Export;

// One store page at a time, so memory does not grow with the table.
public static class RecordCsvWriter
{
    // The store's largest page (IRecordStore.QueryRecordsAsync takes 1..1000).
    public const int PageSize = 1000;

    // Our own columns beside the table's fields. A field may carry the same name (sandbox tables have "Created"),
    // and a spreadsheet addresses columns by header, so ours step aside with a suffix rather than repeat a name.
    public static IReadOnlyList<string> Header(IReadOnlyList<FieldSchema> columns, bool includeDeleted)
    {
        var taken = columns.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        string Ours(string name) => taken.Contains(name) ? $"{name} (AirtableSync)" : name;
        IEnumerable<string> header = [Ours("Record ID"), Ours("Record created"), .. columns.Select(f => f.Name)];
        return [.. includeDeleted ? header.Append(Ours("Record deleted")) : header];
    }

    // All pages of the records the grid shows for view, in the grid's order.
    public static async Task WriteAsync(IRecordStore recordStore, ISchemaStore schemaStore, StoredTable table, RecordBrowse view, TimeZoneInfo? zone, Stream output, CancellationToken cancellationToken)
    {
        var includeDeleted = view.ShowDeleted;
        // Excel opens a UTF-8 file as its ANSI code page unless the file starts with a byte order mark.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, encoding, bufferSize: 16 * 1024, leaveOpen: true);

        // The grid's columns: live fields, primary first, then Airtable's order.
        var columns = RecordCells.Columns(table);
        await writer.WriteAsync(CsvText.Line(Header(columns, includeDeleted)));

        var query = view.Request(0, PageSize, zone).ToQuery(table.BaseId, table.Id);
        while (true)
        {
            // Every order ends with (created time, id), so it is total and skip/take pages neither repeat nor
            // miss a record, unless a sync changes the table meanwhile.
            var page = await recordStore.QueryRecordsAsync(query, cancellationToken);
            var titles = await LinkedRecordTitles.ResolveAsync(recordStore, schemaStore, table.BaseId, columns, page.Items.Select(r => r.FieldsJson), cancellationToken);
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
