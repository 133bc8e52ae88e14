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

    private List<FakeActivity> Build(FakeTable table, FakeRecord record)
    {
        var revisionTable = RevisionTableFor(table);
        var activities = new RevisionHistoryBuilder(state.Users.Collaborators, revisionTable)
            .Build(record.Id, record.CreatedTime, state.Options.RevisionChangesPerRecord).ToList();
        var newest = activities.Max(a => a.CreatedTime);
        if (record.LastModifiedTime is { } modified && modified > newest)
        {
            // An edit made through the workspace after the generated past: one more activity on top.
            var notes = revisionTable.Notes;
            var change = new FakeFieldChange(notes.Id, notes.Name, notes.ColumnType, ChangeKind.Diff,
                ["Earlier notes"], [$"Edited {modified.ToString("u", CultureInfo.InvariantCulture)}"]);
            var actor = state.Users.Collaborators[0];
            activities.Add(new FakeRowActivity($"act{record.Id[3..]}m{modified.ToUnixTimeMilliseconds()}", modified, actor.Id, "edit",
                [change], new DiffRowHtmlBuilder().Build([change])));
        }
        return activities;
    }

    // The table's own fields, so events carry real field ids; the sample's for types it lacks.
    private static FakeRevisionTable RevisionTableFor(FakeTable table)
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
