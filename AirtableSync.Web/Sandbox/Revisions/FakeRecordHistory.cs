using System.Globalization;
using AirtableSync.Storage;

namespace AirtableSync.Sandbox.Revisions;

// The evolving cell values of one generated record; each step returns the changes it made. Values are display strings
// (an empty list is an empty cell). A field's last scheduled change lands on the record's current value when one is
// given (FakeHistoryValues), so a history never contradicts the cells beside it; a change that would then be a no-op
// is left out.
internal sealed class FakeRecordHistory
{
    private readonly FakeRevisionTable _table;
    private readonly IReadOnlyList<FakeUser> _users;
    private readonly Random _random;
    private readonly int _renameBefore;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _current;
    private readonly Dictionary<string, int> _lastChange = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _values = new(StringComparer.Ordinal);

    public FakeRecordHistory(FakeRevisionTable table, IReadOnlyList<FakeUser> users, Random random, int renameBefore, int changeCount,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? current = null)
    {
        (_table, _users, _random, _renameBefore) = (table, users, random, renameBefore);
        _current = current ?? new Dictionary<string, IReadOnlyList<string>>();
        foreach (var field in new[] { table.Status, table.Assignee, table.Tags, table.Notes })
        {
            _lastChange[field.Id] = 0;
        }
        for (var i = 1; i <= changeCount; i++)
        {
            if (!IsSkipped(i))
            {
                foreach (var field in Scheduled(i))
                {
                    _lastChange[field.Id] = i;
                }
            }
        }
    }

    // Comments and diff-less activities take these places in the history (RevisionHistoryBuilder).
    public static bool IsSkipped(int index) => index > 0 && index % 9 is 0 or 4;

    public List<FakeFieldChange> Create(int index) =>
    [
        .. Step(_table.Status, index, _ => [_table.Status.Choices[0]]),
        .. Step(_table.Assignee, index, _ => [_users[_random.Next(_users.Count)].Name]),
        .. Step(_table.Tags, index, _ => [_table.Tags.Choices[_random.Next(_table.Tags.Choices.Count)]]),
        .. Step(_table.Notes, index, _ => [string.Join(" ", _table.Notes.Choices.Take(3))]),
    ];

    public List<FakeFieldChange> Change(int index) => [.. Scheduled(index).SelectMany(field => Step(field, index, NextOf(field)))];

    public string CommentText(int index) =>
        $"Checked again at step {index}; {(ValueOf(_table.Status) is [var status, ..] ? status.ToLowerInvariant() : "no status")} looks right.";

    private IReadOnlyList<FakeRevisionField> Scheduled(int index) => (index % 9) switch
    {
        1 => [_table.Status],
        2 => [_table.Assignee],
        3 => [_table.Tags, _table.Estimate],
        5 => [_table.Notes],
        6 => [_table.Due, _table.Done],
        7 => [_table.Related, _table.Files],
        _ => [_table.Priority, _table.Status, _table.Assignee],
    };

    private Func<IReadOnlyList<string>, IReadOnlyList<string>> NextOf(FakeRevisionField field) =>
        field == _table.Status ? NextStatus
        : field == _table.Assignee ? NextAssignee
        : field == _table.Tags ? NextTags
        : field == _table.Estimate ? NextEstimate
        : field == _table.Notes ? NextNotes
        : field == _table.Due ? NextDue
        : field == _table.Done ? present => present.Count == 0 ? ["checked"] : []
        : field == _table.Related ? NextRelated
        : field == _table.Files ? NextFiles
        : NextPriority;

    private IEnumerable<FakeFieldChange> Step(FakeRevisionField field, int index, Func<IReadOnlyList<string>, IReadOnlyList<string>> next)
    {
        var present = ValueOf(field);
        var value = next(present);
        if (_lastChange.GetValueOrDefault(field.Id, -1) == index && _current.TryGetValue(field.Id, out var current))
        {
            value = current;
        }
        if (value.SequenceEqual(present, StringComparer.Ordinal))
        {
            yield break;
        }
        _values[field.Id] = value;
        var kind = present.Count == 0 ? ChangeKind.NullToValue : value.Count == 0 ? ChangeKind.ValueToNull : ChangeKind.Diff;
        var name = index < _renameBefore && field.FormerName is { } former ? former : field.Name;
        yield return new(field.Id, name, field.ColumnType, kind, present.Count == 0 ? null : present, value.Count == 0 ? null : value);
    }

    private IReadOnlyList<string> ValueOf(FakeRevisionField field) => _values.GetValueOrDefault(field.Id) ?? [];

    private IReadOnlyList<string> NextStatus(IReadOnlyList<string> present)
    {
        var choices = _table.Status.Choices;
        var at = present is [var status, ..] ? Math.Max(0, choices.ToList().IndexOf(status)) : 0;
        return [choices[(at + 1 + _random.Next(choices.Count - 1)) % choices.Count]];
    }

    private IReadOnlyList<string> NextAssignee(IReadOnlyList<string> present)
    {
        var others = _users.Select(u => u.Name).Where(n => !present.Contains(n)).ToList();
        return others.Count == 0 || (present.Count > 0 && _random.Next(5) == 0) ? [] : [others[_random.Next(others.Count)]];
    }

    private IReadOnlyList<string> NextTags(IReadOnlyList<string> present)
    {
        var unused = _table.Tags.Choices.Except(present).ToList();
        return [.. present.Skip(present.Count > 1 ? 1 : 0), .. unused.Take(1 + _random.Next(Math.Min(2, unused.Count)))];
    }

    private IReadOnlyList<string> NextEstimate(IReadOnlyList<string> present)
    {
        string next;
        do
        {
            next = (_random.Next(1, 40) / 2.0).ToString("0.#", CultureInfo.InvariantCulture);
        }
        while (present.Contains(next));
        return [next];
    }

    private IReadOnlyList<string> NextNotes(IReadOnlyList<string> present)
    {
        var words = _table.Notes.Choices;
        var notes = present is [var text, ..] ? text : "";
        var next = $"{notes} {words[_random.Next(words.Count)]}".Replace(words[0], words[_random.Next(words.Count)], StringComparison.Ordinal);
        return [next == notes ? next + " again" : next];
    }

    private IReadOnlyList<string> NextDue(IReadOnlyList<string> present)
    {
        string next;
        do
        {
            next = new DateOnly(2026, 1 + _random.Next(12), 1 + _random.Next(28)).ToString("M/d/yyyy", CultureInfo.InvariantCulture);
        }
        while (present.Contains(next));
        return [next];
    }

    private IReadOnlyList<string> NextRelated(IReadOnlyList<string> present)
    {
        var unused = _table.Related.Choices.Except(present).ToList();
        return unused.Count == 0 ? [.. present.Skip(1)] : [.. present.Skip(present.Count > 2 ? 1 : 0), unused[_random.Next(unused.Count)]];
    }

    private IReadOnlyList<string> NextFiles(IReadOnlyList<string> present)
    {
        var unused = _table.Files.Choices.Except(present).ToList();
        return unused.Count == 0 ? [] : [.. present, unused[0]];
    }

    // Move 1..4 steps round the 1..5 scale, so the rating always changes.
    private IReadOnlyList<string> NextPriority(IReadOnlyList<string> present)
    {
        var priority = present is [var text, ..] ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var next = priority == 0 ? 1 + _random.Next(5) : 1 + ((priority - 1 + _random.Next(1, 5)) % 5);
        return [next.ToString(CultureInfo.InvariantCulture)];
    }
}
