using System.Globalization;
using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

// The evolving cell values of one generated record; each step returns the changes it made.
internal sealed class FakeRecordHistory(FakeRevisionTable table, IReadOnlyList<FakeUser> users, Random random, int renameBefore)
{
    private string _status = table.Status.Choices[0];
    private string? _assignee;
    private List<string> _tags = [];
    private string _notes = "";
    private string? _estimate;
    private string? _due;
    private bool _done;
    private int _priority;
    private List<string> _related = [];
    private List<string> _files = [];

    public List<FakeFieldChange> Create(int index)
    {
        _assignee = users[random.Next(users.Count)].Name;
        _tags = [table.Tags.Choices[random.Next(table.Tags.Choices.Count)]];
        _notes = string.Join(" ", table.Notes.Choices.Take(3));
        return
        [
            Field(table.Status, index, ChangeKind.NullToValue, null, [_status]),
            Field(table.Assignee, index, ChangeKind.NullToValue, null, [_assignee]),
            Field(table.Tags, index, ChangeKind.NullToValue, null, _tags),
            Field(table.Notes, index, ChangeKind.NullToValue, null, [_notes]),
        ];
    }

    public List<FakeFieldChange> Change(int index) => (index % 9) switch
    {
        1 => [Status(index)],
        2 => [Assignee(index)],
        3 => [Tags(index), Estimate(index)],
        5 => [Notes(index)],
        6 => [Due(index), Done(index)],
        7 => [Related(index), Files(index)],
        _ => [Priority(index), Status(index), Assignee(index)],
    };

    public string CommentText(int index) => $"Checked again at step {index}; {_status.ToLowerInvariant()} looks right.";

    private FakeFieldChange Status(int index)
    {
        var choices = table.Status.Choices;
        var next = choices[(IndexOf(choices, _status) + 1 + random.Next(choices.Count - 1)) % choices.Count];
        var change = Field(table.Status, index, ChangeKind.Diff, [_status], [next]);
        _status = next;
        return change;
    }

    private FakeFieldChange Assignee(int index)
    {
        var others = users.Select(u => u.Name).Where(n => n != _assignee).ToList();
        var next = others.Count == 0 || (_assignee is not null && random.Next(5) == 0) ? null : others[random.Next(others.Count)];
        var change = Field(table.Assignee, index, Kind(_assignee, next), Maybe(_assignee), Maybe(next));
        _assignee = next;
        return change;
    }

    private FakeFieldChange Tags(int index)
    {
        var unused = table.Tags.Choices.Except(_tags).ToList();
        List<string> next = [.. _tags.Skip(_tags.Count > 1 ? 1 : 0), .. unused.Take(1 + random.Next(Math.Min(2, unused.Count)))];
        var change = Field(table.Tags, index, _tags.Count == 0 ? ChangeKind.NullToValue : ChangeKind.Diff, _tags.Count == 0 ? null : _tags, next);
        _tags = next;
        return change;
    }

    private FakeFieldChange Estimate(int index)
    {
        string next;
        do
        {
            next = (random.Next(1, 40) / 2.0).ToString("0.#", CultureInfo.InvariantCulture);
        }
        while (next == _estimate);

        var change = Field(table.Estimate, index, Kind(_estimate, next), Maybe(_estimate), [next]);
        _estimate = next;
        return change;
    }

    private FakeFieldChange Notes(int index)
    {
        var words = table.Notes.Choices;
        var next = $"{_notes} {words[random.Next(words.Count)]}".Replace(words[0], words[random.Next(words.Count)], StringComparison.Ordinal);
        next = next == _notes ? next + " again" : next;
        var change = Field(table.Notes, index, ChangeKind.Diff, [_notes], [next]);
        _notes = next;
        return change;
    }

    private FakeFieldChange Due(int index)
    {
        string next;
        do
        {
            next = new DateOnly(2026, 1 + random.Next(12), 1 + random.Next(28)).ToString("M/d/yyyy", CultureInfo.InvariantCulture);
        }
        while (next == _due);

        var change = Field(table.Due, index, Kind(_due, next), Maybe(_due), [next]);
        _due = next;
        return change;
    }

    private FakeFieldChange Done(int index)
    {
        _done = !_done;
        return Field(table.Done, index, _done ? ChangeKind.NullToValue : ChangeKind.ValueToNull, _done ? null : ["checked"], _done ? ["checked"] : null);
    }

    private FakeFieldChange Related(int index)
    {
        var unused = table.Related.Choices.Except(_related).ToList();
        List<string> next = unused.Count == 0 ? [.. _related.Skip(1)] : [.. _related.Skip(_related.Count > 2 ? 1 : 0), unused[random.Next(unused.Count)]];
        var change = Field(table.Related, index, Kind(_related, next), NullIfEmpty(_related), NullIfEmpty(next));
        _related = next;
        return change;
    }

    private FakeFieldChange Files(int index)
    {
        var unused = table.Files.Choices.Except(_files).ToList();
        List<string> next = unused.Count == 0 ? [] : [.. _files, unused[0]];
        var change = Field(table.Files, index, Kind(_files, next), NullIfEmpty(_files), NullIfEmpty(next));
        _files = next;
        return change;
    }

    private FakeFieldChange Priority(int index)
    {
        // Move 1..4 steps round the 1..5 scale, so the rating always changes.
        var next = _priority == 0 ? 1 + random.Next(5) : 1 + ((_priority - 1 + random.Next(1, 5)) % 5);
        var text = next.ToString(CultureInfo.InvariantCulture);
        var change = Field(table.Priority, index, _priority == 0 ? ChangeKind.NullToValue : ChangeKind.Diff,
            _priority == 0 ? null : [_priority.ToString(CultureInfo.InvariantCulture)], [text]);
        _priority = next;
        return change;
    }

    private FakeFieldChange Field(FakeRevisionField field, int index, ChangeKind kind, IReadOnlyList<string>? old, IReadOnlyList<string>? @new) =>
        new(field.Id, index < renameBefore && field.FormerName is { } former ? former : field.Name, field.ColumnType, kind, old, @new);

    private static ChangeKind Kind(string? old, string? @new) =>
        old is null ? ChangeKind.NullToValue : @new is null ? ChangeKind.ValueToNull : ChangeKind.Diff;

    private static ChangeKind Kind(List<string> old, List<string> @new) =>
        Kind(old.Count == 0 ? null : "", @new.Count == 0 ? null : "");

    private static List<string>? NullIfEmpty(List<string> values) => values.Count == 0 ? null : values;

    private static List<string>? Maybe(string? value) => value is null ? null : [value];

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return 0;
    }
}
