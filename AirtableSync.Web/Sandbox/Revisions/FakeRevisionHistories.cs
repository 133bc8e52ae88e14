using System.Collections.Concurrent;
using System.Globalization;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

/// <summary>
/// The revision history the fake serves for each record of its workspace: a deterministic generated past
/// (about the table's real Status, Assignee, … fields where it has them) plus one activity per later edit made
/// through the workspace, so incremental revision sync has something new to find.
/// </summary>
public sealed class FakeRevisionHistories(FakeAirtableState state)
{
    private readonly ConcurrentDictionary<(string RecordId, DateTimeOffset? Modified), IReadOnlyList<FakeActivity>> _cache = new();

    public (FakeTable Table, FakeRecord Record)? Find(string baseId, string recordId)
    {
        foreach (var table in state.Workspace.GetTables(baseId))
        {
            if (state.Workspace.FindRecord(baseId, table.Id, recordId) is { } record)
            {
                return (table, record);
            }
        }
        return null;
    }

    public IReadOnlyList<FakeActivity> For(FakeTable table, FakeRecord record) =>
        _cache.GetOrAdd((record.Id, record.LastModifiedTime), _ => Build(table, record));

    public RevisionHistoryBuilder BuilderFor(FakeTable table) => new(state.Users.Collaborators, RevisionTableFor(table));

    // The generated past ends in the record's current cells, so the history never contradicts the grid beside it.
    private List<FakeActivity> Build(FakeTable table, FakeRecord record)
    {
        var revisionTable = RevisionTableFor(table);
        var builder = new RevisionHistoryBuilder(state.Users.Collaborators, revisionTable);
        var count = state.Options.RevisionChangesPerRecord;
        var current = FakeHistoryValues.Current(revisionTable, table, record, LinkedTitle);
        var past = builder.Build(record.Id, record.CreatedTime, count, current).ToList();
        if (record.LastModifiedTime is not { } modified || modified <= past.Max(a => a.CreatedTime))
        {
            return past;
        }
        // An edit made through the workspace after the generated past: one more activity on top, changing Notes from the
        // past's last value to the cell's (or to an "Edited …" note when the table has no long text field of its own).
        var notes = revisionTable.Notes;
        current.Remove(notes.Id, out var currentNotes);
        past = [.. builder.Build(record.Id, record.CreatedTime, count, current)];
        var before = past.OfType<FakeRowActivity>().SelectMany(a => a.Changes).LastOrDefault(c => c.FieldId == notes.Id)?.NewValues;
        IReadOnlyList<string> after = currentNotes ?? [$"Edited {modified.ToString("u", CultureInfo.InvariantCulture)}"];
        if ((before ?? []).SequenceEqual(after, StringComparer.Ordinal))
        {
            return past;
        }
        var kind = before is null ? ChangeKind.NullToValue : after.Count == 0 ? ChangeKind.ValueToNull : ChangeKind.Diff;
        var change = new FakeFieldChange(notes.Id, notes.Name, notes.ColumnType, kind, before, after.Count == 0 ? null : after);
        var actor = state.Users.Collaborators[0];
        past.Add(new FakeRowActivity($"act{record.Id[3..]}m{modified.ToUnixTimeMilliseconds()}", modified, actor.Id, "edit",
            [change], new DiffRowHtmlBuilder().Build([change])));
        return past;
    }

    private string? LinkedTitle(string linkedTableId, string recordId)
    {
        foreach (var @base in state.Workspace.GetBases())
        {
            if (state.Workspace.FindTable(@base.Id, linkedTableId) is { } linked)
            {
                return state.Workspace.FindRecord(@base.Id, linked.Id, recordId)?.Cells.GetValueOrDefault(linked.PrimaryFieldId) is { } title
                    && title.GetValueKind() == System.Text.Json.JsonValueKind.String ? title.GetValue<string>() : null;
            }
        }
        return null;
    }

    // The table's own fields, so events carry real field ids; the sample's for types it lacks.
    internal static FakeRevisionTable RevisionTableFor(FakeTable table)
    {
        var sample = FakeRevisionTable.Sample;
        FakeRevisionField Pick(FakeRevisionField fallback, string columnType, params string[] publicTypes)
        {
            var field = table.Fields.FirstOrDefault(f => f.Type is { } t && publicTypes.Contains(t, StringComparer.Ordinal)
                && (columnType != "select" || f.Name.Contains("status", StringComparison.OrdinalIgnoreCase) || f.Name.Contains("stage", StringComparison.OrdinalIgnoreCase)));
            if (field is null)
            {
                return fallback;
            }
            var choices = field.Options?["choices"]?.AsArray().Select(c => c?["name"]?.GetValue<string>()).OfType<string>().ToList();
            return new FakeRevisionField(field.Id, field.Name, columnType, choices is { Count: > 1 } ? choices : fallback.Choices, fallback.FormerName);
        }

        return new FakeRevisionTable(
            Pick(sample.Status, "select", "singleSelect"),
            Pick(sample.Assignee, "collaborator", "singleCollaborator"),
            Pick(sample.Tags, "multiSelect", "multipleSelects"),
            Pick(sample.Notes, "multilineText", "multilineText"),
            Pick(sample.Estimate, "number", "number"),
            Pick(sample.Due, "date", "date"),
            Pick(sample.Done, "checkbox", "checkbox"),
            Pick(sample.Priority, "rating", "rating"),
            Pick(sample.Related, "foreignKey", "multipleRecordLinks"),
            Pick(sample.Files, "multipleAttachment", "multipleAttachments"));
    }
}
