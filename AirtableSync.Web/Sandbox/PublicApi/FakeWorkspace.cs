using System.Text.Json.Nodes;

namespace AirtableSync.Sandbox.PublicApi;

/// <summary>
/// The bases, tables, fields, views and records the fake serves, plus which token may see which base.
/// Thread-safe: every member takes one lock; snapshots handed out are immutable records.
/// Schema edits live in FakeWorkspace.Schema.cs, record edits in FakeWorkspace.Records.cs.
/// </summary>
public sealed partial class FakeWorkspace
{
    private readonly Lock _gate = new();
    private readonly List<BaseData> _bases = [];
    private readonly Dictionary<string, HashSet<string>> _grants = new(StringComparer.Ordinal);
    private readonly FakeIdGenerator _ids;
    private readonly TimeProvider _timeProvider;

    public FakeWorkspace(TimeProvider timeProvider, int seed)
    {
        _timeProvider = timeProvider;
        // Offset from the generator's seed, so runtime ids never collide with the sample workspace's ids.
        _ids = new FakeIdGenerator(new Random(unchecked(seed * 7919 + 17)));
    }

    /// <summary>Bases in creation order (the order list bases returns).</summary>
    public IReadOnlyList<FakeBase> GetBases()
    {
        lock (_gate)
        {
            return [.. _bases.Select(b => b.ToSnapshot())];
        }
    }

    public FakeBase? FindBase(string baseId)
    {
        lock (_gate)
        {
            return _bases.Find(b => b.Id == baseId)?.ToSnapshot();
        }
    }

    public IReadOnlyList<FakeTable> GetTables(string baseId)
    {
        lock (_gate)
        {
            return [.. RequireBase(baseId).Tables.Select(t => t.ToSnapshot())];
        }
    }

    /// <summary>Finds a table by id or by name, as the records API does.</summary>
    public FakeTable? FindTable(string baseId, string tableIdOrName)
    {
        lock (_gate)
        {
            return _bases.Find(b => b.Id == baseId)?.FindTable(tableIdOrName)?.ToSnapshot();
        }
    }

    /// <summary>
    /// Restricts <paramref name="token"/> to these bases (a PAT's access list or an OAuth grant, docs/airtable/public-api.md §1.1).
    /// A token never restricted may reach every base, like a PAT granted "all current and future bases".
    /// </summary>
    public void GrantBases(string token, IEnumerable<string> baseIds)
    {
        lock (_gate)
        {
            _grants[token] = new HashSet<string>(baseIds, StringComparer.Ordinal);
        }
    }

    public void GrantAllBases(string token)
    {
        lock (_gate)
        {
            _grants.Remove(token);
        }
    }

    public bool CanAccess(string token, string baseId)
    {
        lock (_gate)
        {
            return _bases.Exists(b => b.Id == baseId)
                && (!_grants.TryGetValue(token, out var granted) || granted.Contains(baseId));
        }
    }

    private BaseData RequireBase(string baseId) =>
        _bases.Find(b => b.Id == baseId) ?? throw new ArgumentException($"No base {baseId}.", nameof(baseId));

    private TableData RequireTable(string baseId, string tableIdOrName) =>
        RequireBase(baseId).FindTable(tableIdOrName)
        ?? throw new ArgumentException($"No table {tableIdOrName} in {baseId}.", nameof(tableIdOrName));

    private static Dictionary<string, JsonNode> NonEmptyCells(TableData table, IEnumerable<KeyValuePair<string, JsonNode?>> cells)
    {
        var result = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var (fieldId, value) in cells)
        {
            if (table.Fields.Find(f => f.Id == fieldId) is null)
            {
                throw new ArgumentException($"No field {fieldId} in table {table.Id}.", nameof(cells));
            }
            if (value is not null && !FakeCells.IsEmpty(value))
            {
                result[fieldId] = value.DeepClone();
            }
        }
        return result;
    }
}
