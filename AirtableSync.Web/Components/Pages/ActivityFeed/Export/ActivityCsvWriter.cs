using System.Text;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList;
using AirtableSync.Web.Components.Pages.RecordList.Export;

namespace AirtableSync.Web.Components.Pages.ActivityFeed.Export;

// The feed's events as CSV, one store page at a time (keyset pages, so each costs the same), so memory stays flat.
public static class ActivityCsvWriter
{
    // A spreadsheet's practical size, and a bound on what one request may hold a connection for. Past it, the file holds the
    // newest MaxRows events; the API's cursor paging reaches the rest.
    public const int MaxRows = 100_000;

    private const int PageSize = 1000;

    public static IReadOnlyList<string> Header { get; } =
        ["Changed at (UTC)", "Record ID", "Record", "Table ID", "Table", "Field ID", "Field", "Kind", "Change", "Old value", "New value", "Actor ID", "Actor", "Actor email"];

    public static async Task WriteAsync(IRevisionStore revisionStore, IRecordStore recordStore, ISchemaStore schemaStore, ActivitySchema schema,
        ActivityQuery query, Stream output, CancellationToken cancellationToken)
    {
        // Excel opens a UTF-8 file as its ANSI code page unless the file starts with a byte order mark.
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvText.Line(Header));
        var page = query with { Cursor = null, Take = PageSize };
        for (var written = 0; written < MaxRows;)
        {
            var events = await revisionStore.QueryActivityAsync(page with { Take = Math.Min(PageSize, MaxRows - written) }, cancellationToken);
            var titles = await RecordTitles.ResolveAsync(recordStore, schemaStore, query.BaseId, events.Items.Select(e => e.RecordId).ToHashSet(StringComparer.Ordinal), cancellationToken);
            foreach (var e in events.Items)
            {
                await writer.WriteAsync(CsvText.Line(
                [
                    ExportCells.Instant(e.ChangedAt), e.RecordId, titles.GetValueOrDefault(e.RecordId) ?? "", e.TableId, schema.Table(e)?.Name ?? "",
                    e.FieldId, schema.FieldName(e), e.Kind.ToString(), e.ChangeKind.ToString(),
                    Values(e.OldValues), Values(e.NewValues), e.ActorId ?? "", e.ActorName ?? "", e.ActorEmail ?? "",
                ]));
            }
            await writer.FlushAsync(cancellationToken);
            written += events.Items.Count;
            if (events.NextCursor is null)
            {
                return;
            }
            page = page with { Cursor = events.NextCursor };
        }
    }

    // Several values (a multiple select, linked records) in one cell, one per line, as the record timeline lists them.
    private static string Values(IReadOnlyList<string>? values) => values is null ? "" : string.Join('\n', values);
}
