using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

// Record edits for tests and the sandbox. Cells are keyed by field id; empty values are dropped.
public sealed partial class FakeWorkspace
{
    public FakeRecord AddRecord(
        string baseId,
        string tableId,
        IReadOnlyDictionary<string, JsonNode?> cellsByFieldId,
        DateTimeOffset? createdTime = null)
    {
        lock (_gate)
        {
            var table = RequireTable(baseId, tableId);
            var record = new FakeRecord(
                _ids.Next("rec"),
                createdTime ?? _timeProvider.GetUtcNow(),
                null,
                NonEmptyCells(table, cellsByFieldId));
            table.Records.Add(record.Id, record);
            return record;
        }
    }

    /// <summary>Partial update, like PATCH: listed cells change (null or empty clears), others stay. Moves the last-modified time.</summary>
    public FakeRecord UpdateRecord(string baseId, string tableId, string recordId, IReadOnlyDictionary<string, JsonNode?> changesByFieldId)
    {
        lock (_gate)
        {
            var table = RequireTable(baseId, tableId);
            if (!table.Records.TryGetValue(recordId, out var record))
            {
                throw new ArgumentException($"No record {recordId}.", nameof(recordId));
            }
            var cells = new Dictionary<string, JsonNode?>(record.Cells.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)), StringComparer.Ordinal);
            foreach (var (fieldId, value) in changesByFieldId)
            {
                cells[fieldId] = value;
            }
            var updated = record with
            {
                LastModifiedTime = _timeProvider.GetUtcNow(),
                Cells = NonEmptyCells(table, cells),
            };
            table.Records[recordId] = updated;
            return updated;
        }
    }

    public bool DeleteRecord(string baseId, string tableId, string recordId)
    {
        lock (_gate)
        {
            return RequireTable(baseId, tableId).Records.Remove(recordId);
        }
    }

    public FakeRecord? FindRecord(string baseId, string tableId, string recordId)
    {
        lock (_gate)
        {
            return _bases.Find(b => b.Id == baseId)?.FindTable(tableId)?.Records.GetValueOrDefault(recordId);
        }
    }

    /// <summary>All live records of a table in insertion order.</summary>
    public IReadOnlyList<FakeRecord> GetRecords(string baseId, string tableId)
    {
        lock (_gate)
        {
            return [.. RequireTable(baseId, tableId).Records.Values];
        }
    }

    // In the order given; deleted ids are skipped.
    internal List<FakeRecord> FindLiveRecords(string baseId, string tableId, IEnumerable<string> recordIds)
    {
        lock (_gate)
        {
            var records = RequireTable(baseId, tableId).Records;
            return [.. recordIds.Select(records.GetValueOrDefault).OfType<FakeRecord>()];
        }
    }
}
