using AirtableSync.Analytics;
using AirtableSync.Revisions;
using AirtableSync.Storage;
using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AirtableSync.Tests.Analytics;

/// <summary>
/// A Tasks table in a real SQLite file: a Status single select (Todo, Doing, Done unless told otherwise) and an Assignee
/// collaborator field, records written with their current cells, events with their values, and a fake clock for "now".
/// </summary>
internal sealed class AnalyticsTable : IAsyncDisposable
{
    public const string BaseId = "appAnalytics00001";
    public const string TableId = "tblTasks000000001";
    public const string Status = "fldStatus0000001";
    public const string Assignee = "fldAssignee00001";

    public static readonly DateTimeOffset T = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly SqliteSyncStore _store;
    private readonly List<RecordData> _live = [];
    private readonly List<RecordData> _deleted = [];
    private DateTimeOffset? _deletedAt;
    private int _activity;

    private AnalyticsTable(SqliteSyncStore store, FakeTimeProvider clock)
    {
        _store = store;
        Clock = clock;
        Analytics = new TableAnalytics(store, new TableFieldRoles(store, clock), new FieldTimelines(store, store, store, clock, NullLogger<FieldTimelines>.Instance), clock);
        Streaming = new TableAnalytics(store, new TableFieldRoles(store, clock), new FieldTimelines(store, store, null, clock, NullLogger<FieldTimelines>.Instance), clock);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>Over the store's materialized timelines (what the app uses with SQLite).</summary>
    public TableAnalytics Analytics { get; }

    /// <summary>The same reports rebuilt from the events each time (what stores without materialized timelines do).</summary>
    public TableAnalytics Streaming { get; }

    public ISyncStore Store => _store;

    public static async Task<AnalyticsTable> CreateAsync(string directory, DateTimeOffset now, params string[] choices)
    {
        var store = new SqliteSyncStore(Path.Combine(directory, $"{Guid.NewGuid():N}.db"), NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Ct);
        var table = new AnalyticsTable(store, new FakeTimeProvider(now));
        await table.SetChoicesAsync(choices.Length > 0 ? choices : ["selTodo:Todo", "selDoing:Doing", "selDone:Done"]);
        return table;
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The Status field's choices now, each "id:name".</summary>
    public async Task SetChoicesAsync(params string[] choices)
    {
        var options = "{\"choices\":[" + string.Join(",", choices.Select(c => c.Split(':')).Select(c => $"{{\"id\":\"{c[0]}\",\"name\":\"{c[1]}\"}}")) + "]}";
        await _store.ApplyBaseListAsync([new BaseInfo(BaseId, "Analytics", "create")], T, Ct);
        await _store.ApplyBaseSchemaAsync(BaseId,
            [new TableSchema(TableId, "Tasks", "fldName000000001",  null,
            [
                new FieldSchema("fldName000000001", "Name", "singleLineText", null, null),
                new FieldSchema(Status, "Status", "singleSelect", null, options),
                new FieldSchema(Assignee, "Assignee", "multipleCollaborators", null, null),
            ], [])], T, Ct);
    }

    /// <param name="status">The current Status cell (null: empty).</param>
    /// <param name="people">The current Assignee cell's names.</param>
    public void Record(string id, DateTimeOffset created, string? status, string[]? people = null, DateTimeOffset? deletedAt = null)
    {
        var cells = new List<string>();
        if (status is not null)
        {
            cells.Add($"\"{Status}\":\"{status}\"");
        }
        if (people is { Length: > 0 })
        {
            cells.Add($"\"{Assignee}\":[" + string.Join(",", people.Select(p => $"{{\"id\":\"usr{p}\",\"name\":\"{p}\"}}")) + "]");
        }
        var record = new RecordData(id, created, "{" + string.Join(",", cells) + "}");
        if (deletedAt is { } at)
        {
            _deleted.Add(record);
            _deletedAt = at;
        }
        else
        {
            _live.Add(record);
        }
    }

    /// <summary>A Status change; <paramref name="activity"/> names its activity id (else a fresh one).</summary>
    public RevisionEvent StatusChange(string recordId, DateTimeOffset at, string? from, string? to, string? activity = null) =>
        Change(recordId, Status, RevisionEventKind.Status, at, from is null ? null : [from], to is null ? null : [to], activity);

    public RevisionEvent AssigneeChange(string recordId, DateTimeOffset at, string[]? from, string[]? to) =>
        Change(recordId, Assignee, RevisionEventKind.Assignee, at, from, to, null);

    public async Task SaveAsync(params RevisionEvent[] events)
    {
        // Deleted records: seen only before the live ones' scan, then tombstoned by it.
        if (_deleted.Count > 0)
        {
            await _store.UpsertRecordsAsync(BaseId, TableId, _deleted, T.AddYears(-1), Ct);
        }
        if (_live.Count > 0)
        {
            await _store.UpsertRecordsAsync(BaseId, TableId, _live, T.AddYears(-1).AddDays(1), Ct);
        }
        if (_deletedAt is { } deletedAt)
        {
            await _store.TombstoneRecordsNotSeenSinceAsync(BaseId, TableId, T.AddYears(-1).AddDays(1), deletedAt, Ct);
        }
        _live.Clear();
        _deleted.Clear();
        if (events.Length > 0)
        {
            await _store.UpsertRevisionEventsAsync(events, Ct);
        }
    }

    private RevisionEvent Change(string recordId, string fieldId, RevisionEventKind kind, DateTimeOffset at, string[]? from, string[]? to, string? activity) => new()
    {
        RecordId = recordId,
        BaseId = BaseId,
        TableId = TableId,
        ActivityId = activity ?? $"act{++_activity:D14}",
        FieldId = fieldId,
        FieldName = kind.ToString(),
        Kind = kind,
        ChangeKind = from is null ? ChangeKind.NullToValue : to is null ? ChangeKind.ValueToNull : ChangeKind.Diff,
        OldValues = from,
        NewValues = to,
        ChangedAt = at,
    };

    public ValueTask DisposeAsync()
    {
        _store.Dispose();
        return ValueTask.CompletedTask;
    }
}
