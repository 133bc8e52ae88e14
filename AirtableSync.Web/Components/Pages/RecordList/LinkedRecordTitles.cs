using System.Text.Json;
using AirtableSync.Storage;
using AirtableSync.Web.Components.Pages.RecordList.Cells;

namespace AirtableSync.Web.Components.Pages.RecordList;

// From the local store, once per page of records: one batch read of the linked records, one schema read per
// linked table. No Airtable call.
public static class LinkedRecordTitles
{
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IRecordStore recordStore, ISchemaStore schemaStore, string baseId, IReadOnlyList<FieldSchema> fields, IEnumerable<string> fieldsJsonOfRecords, CancellationToken cancellationToken)
    {
        var linkFields = fields.Where(f => f.Type == "multipleRecordLinks").Select(f => f.Id).ToList();
        if (linkFields.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var json in fieldsJsonOfRecords)
        {
            var raw = RecordCells.Parse(json);
            foreach (var fieldId in linkFields)
            {
                if (raw.TryGetValue(fieldId, out var value) && value.ValueKind == JsonValueKind.Array)
                {
                    ids.UnionWith(value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString() ?? ""));
                }
            }
        }
        if (ids.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        return await RecordTitles.ResolveAsync(recordStore, schemaStore, baseId, ids, cancellationToken);
    }
}

// Records named by their primary field, read from the local store in one batch (and one schema read per table).
public static class RecordTitles
{
    /// <summary>Titles by record id; a record not in the local copy, or of a table without a primary field, is left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IRecordStore recordStore, ISchemaStore schemaStore, string baseId, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (recordIds.Count == 0)
        {
            return titles;
        }
        var records = await recordStore.GetRecordsByIdsAsync(recordIds, cancellationToken);
        foreach (var group in records.GroupBy(r => (r.BaseId, r.TableId)))
        {
            var table = await schemaStore.GetTableAsync(group.Key.BaseId, group.Key.TableId, cancellationToken);
            var primary = table?.Fields.FirstOrDefault(f => f.Id == table.PrimaryFieldId);
            if (primary is null)
            {
                continue;
            }
            var context = CellFormatContext.Invariant(baseId);
            foreach (var record in group)
            {
                var raw = RecordCells.Parse(record.FieldsJson);
                titles[record.Id] = CellFormatter.Format(primary, raw.TryGetValue(primary.Id, out var v) ? v : null, context).Text;
            }
        }
        return titles;
    }
}
