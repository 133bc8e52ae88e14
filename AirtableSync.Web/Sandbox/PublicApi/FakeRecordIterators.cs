namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// List-records iterators (docs/airtable/public-api.md §3.3). The first page snapshots the ids of every matching record in
/// their final order; each offset "itr…/rec…" names the iterator and the snapshot record the next page starts at.
/// Pages therefore never duplicate or skip records of the snapshot; records deleted since are skipped.
/// An iterator unused for <see cref="FakeAirtableOptions.IteratorLifetime"/> is gone (Airtable's lifetime is
/// undocumented, "minutes" — §3.3), and so is every iterator after <see cref="ExpireAll"/> (a server restart).
/// </summary>
public sealed class FakeRecordIterators(FakeAirtableOptions options, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Snapshot> _iterators = new(StringComparer.Ordinal);
    private readonly FakeIdGenerator _ids = new(new Random(options.Seed));

    /// <summary>Live iterators (expired ones are dropped lazily).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _iterators.Count;
            }
        }
    }

    /// <summary>Forgets every iterator at once, as a server restart does; their next use answers 422.</summary>
    public void ExpireAll()
    {
        lock (_gate)
        {
            _iterators.Clear();
        }
    }

    internal string Start(string baseId, string tableId, string[] recordIds)
    {
        lock (_gate)
        {
            DropExpired();
            var id = _ids.Next("itr");
            _iterators[id] = new Snapshot(baseId, tableId, recordIds, timeProvider.GetUtcNow());
            return id;
        }
    }

    // Null when the iterator is gone or foreign.
    internal (string[] Ids, int Start)? Resume(string offset, string baseId, string tableId)
    {
        var parts = offset.Split('/');
        if (parts.Length != 2)
        {
            return null;
        }
        lock (_gate)
        {
            DropExpired();
            if (!_iterators.TryGetValue(parts[0], out var snapshot) || snapshot.BaseId != baseId || snapshot.TableId != tableId)
            {
                return null;
            }
            var position = snapshot.PositionOf(parts[1]);
            if (position < 0)
            {
                return null;
            }
            snapshot.LastUsed = timeProvider.GetUtcNow();
            return (snapshot.RecordIds, position);
        }
    }

    internal static string OffsetOf(string iteratorId, string recordId) => iteratorId + "/" + recordId;

    private void DropExpired()
    {
        var now = timeProvider.GetUtcNow();
        foreach (var id in _iterators.Where(i => now - i.Value.LastUsed >= options.IteratorLifetime).Select(i => i.Key).ToList())
        {
            _iterators.Remove(id);
        }
    }

    private sealed class Snapshot(string baseId, string tableId, string[] recordIds, DateTimeOffset lastUsed)
    {
        private Dictionary<string, int>? _positions;

        public string BaseId { get; } = baseId;
        public string TableId { get; } = tableId;
        public string[] RecordIds { get; } = recordIds;
        public DateTimeOffset LastUsed { get; set; } = lastUsed;

        public int PositionOf(string recordId)
        {
            _positions ??= RecordIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            return _positions.GetValueOrDefault(recordId, -1);
        }
    }
}
