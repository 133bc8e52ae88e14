using System.Text.Json.Nodes;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Sandbox.Revisions;

namespace AirtableSync.Tests.Sandbox;

public class SandboxHistoryTests
{
    private static FakeAirtableState Sandbox() => new(new FakeAirtableOptions(), TimeProvider.System);

    private static IEnumerable<(FakeTable Table, FakeRecord Record)> Records(FakeAirtableState state) =>
        state.Workspace.GetBases().SelectMany(b => state.Workspace.GetTables(b.Id)
            .SelectMany(t => state.Workspace.GetRecords(b.Id, t.Id).Select(r => (t, r))));

    // Each field's changes, oldest first, for the fields the record's table really has.
    private static IEnumerable<(string FieldId, List<FakeFieldChange> Changes)> ChangesByField(FakeAirtableState state, FakeTable table, FakeRecord record) =>
        state.RevisionHistories.For(table, record).OfType<FakeRowActivity>().OrderBy(a => a.CreatedTime)
            .SelectMany(a => a.Changes)
            .Where(c => table.Fields.Any(f => f.Id == c.FieldId))
            .GroupBy(c => c.FieldId)
            .Select(g => (g.Key, g.ToList()));

    // A linked record's title is its primary field, wherever it lives.
    private static string? TitleOf(FakeAirtableState state, string recordId) =>
        Records(state).Where(x => x.Record.Id == recordId).Select(x => x.Record.Cells.GetValueOrDefault(x.Table.PrimaryFieldId)?.GetValue<string>()).FirstOrDefault();

    private static string Show(IReadOnlyList<string>? values) => values is null ? "(empty)" : string.Join(" | ", values);

    [Fact]
    public void EverySandboxHistoryIsAContinuousChainEndingInTheCurrentCells()
    {
        var state = Sandbox();
        var problems = new List<string>();
        var checkedFields = 0;
        foreach (var (table, record) in Records(state))
        {
            var revisionFields = FakeHistoryValues.Fields(FakeRevisionHistories.RevisionTableFor(table)).ToDictionary(f => f.Id);
            foreach (var (fieldId, changes) in ChangesByField(state, table, record))
            {
                checkedFields++;
                IReadOnlyList<string>? previous = null;
                foreach (var change in changes)
                {
                    if (Show(change.OldValues) != Show(previous))
                    {
                        problems.Add($"{table.Name}/{record.Id}/{fieldId}: {Show(change.OldValues)} does not follow {Show(previous)}");
                    }
                    previous = change.NewValues;
                }
                var current = FakeHistoryValues.Of(revisionFields[fieldId].ColumnType, record.Cells.GetValueOrDefault(fieldId), id => TitleOf(state, id));
                if (Show(previous) != Show(current.Count == 0 ? null : current))
                {
                    problems.Add($"{table.Name}/{record.Id}/{fieldId}: ends in {Show(previous)}, the cell is {Show(current)}");
                }
            }
        }
        Assert.True(checkedFields > 1000, $"only {checkedFields} fields checked");
        Assert.Empty(problems);
    }

    [Fact]
    public void TheLastStatusInEveryHistoryIsTheRecordsStatus()
    {
        var state = Sandbox();
        var statuses = 0;
        foreach (var (table, record) in Records(state))
        {
            var statusId = FakeRevisionHistories.RevisionTableFor(table).Status.Id;
            if (ChangesByField(state, table, record).FirstOrDefault(f => f.FieldId == statusId) is { Changes: [.., var last] })
            {
                statuses++;
                Assert.Equal(record.Cells.GetValueOrDefault(statusId)?.GetValue<string>(), last.NewValues?.Single());
            }
        }
        Assert.True(statuses > 100, $"only {statuses} statuses checked");
    }

    [Fact]
    public void AnEditThroughTheWorkspaceEndsTheHistoryInTheEditedNotes()
    {
        var state = Sandbox();
        var @base = state.Workspace.GetBases().First(b => b.Name == "Product Roadmap");
        var tasks = state.Workspace.FindTable(@base.Id, "Tasks") ?? throw new InvalidOperationException("No Tasks table.");
        var notes = tasks.Fields.Single(f => f.Name == "Notes");
        var record = state.Workspace.GetRecords(@base.Id, tasks.Id)[0];

        var edited = state.Workspace.UpdateRecord(@base.Id, tasks.Id, record.Id, new Dictionary<string, JsonNode?> { [notes.Id] = JsonValue.Create("Rewritten by hand") });

        var (_, changes) = ChangesByField(state, tasks, edited).Single(f => f.FieldId == notes.Id);
        Assert.Equal(["Rewritten by hand"], changes[^1].NewValues);
        Assert.Equal(Show(changes[^2].NewValues), Show(changes[^1].OldValues));
    }
}
