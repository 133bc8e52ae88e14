using System.Globalization;

namespace AirtableSync.Sandbox.Revisions;

/// <summary>
/// Generates a record's revision history for the fake: a <c>rowCreate</c> first, then field changes over time (Status and
/// Assignee among them, multi-field activities, a rename halfway through, comments, an activity without a diff) — the
/// same history for the same record id every time — and renders pages of the §3.1 envelope.
/// </summary>
public sealed class RevisionHistoryBuilder
{
    private readonly IReadOnlyList<FakeUser> _users;
    private readonly FakeRevisionTable _table;

    public RevisionHistoryBuilder(IReadOnlyList<FakeUser> users, FakeRevisionTable? table = null)
    {
        if (users.Count == 0)
        {
            throw new ArgumentException("A history needs at least one user.", nameof(users));
        }

        _users = users;
        _table = table ?? FakeRevisionTable.Sample;
    }

    /// <param name="current">The record's current display values by field id (an empty list for an empty cell): each field's
    /// history ends in it. Fields left out get generated values only.</param>
    public IReadOnlyList<FakeActivity> Build(string recordId, DateTimeOffset createdAt, int changeCount = 12,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? current = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(changeCount);
        var random = new Random(StableSeed(recordId));
        // Times have their own stream: the same record gets the same timeline whatever current values its history ends in.
        var clock = new Random(StableSeed(recordId) ^ 0x2545F491);
        var state = new FakeRecordHistory(_table, _users, random, renameBefore: (changeCount / 2) + 1, changeCount, current);
        var activities = new List<FakeActivity>();
        var time = createdAt.ToUniversalTime();
        for (var i = 0; i <= changeCount; i++)
        {
            var actor = _users[random.Next(_users.Count)];
            var id = $"{recordId[Math.Min(3, recordId.Length)..]}{i.ToString("D3", CultureInfo.InvariantCulture)}";
            if (i > 0 && i % 9 == 4)
            {
                activities.Add(new FakeComment($"com{id}", time, actor.Id, state.CommentText(i)));
            }
            else if (FakeRecordHistory.IsSkipped(i))
            {
                activities.Add(new FakeRowActivity($"act{id}", time, actor.Id, "columnConfig", [], DiffRowHtml: null));
            }
            else
            {
                var changes = i == 0 ? state.Create(i) : state.Change(i);
                if (changes.Count == 0)
                {
                    // Every change of this step would repeat the current value: an activity without a diff keeps the history's length.
                    activities.Add(new FakeRowActivity($"act{id}", time, actor.Id, "columnConfig", [], DiffRowHtml: null));
                    time = time.AddMinutes(clock.Next(20, 60 * 36));
                    continue;
                }
                var html = new DiffRowHtmlBuilder(StyleFor(i)).Build(changes);
                activities.Add(new FakeRowActivity($"act{id}", time, actor.Id, i == 0 ? "rowCreate" : "edit", changes, html));
            }

            time = time.AddMinutes(clock.Next(20, 60 * 36));
        }

        return activities;
    }

    /// <summary>The §3.1 envelope for one page, newest first. <paramref name="offsetV2"/> is a cursor from a previous page or null.</summary>
    /// <exception cref="ArgumentException">The cursor is not one this method produced for <paramref name="recordId"/>.</exception>
    public string RenderPage(string recordId, IReadOnlyList<FakeActivity> activities, int limit, string? offsetV2) =>
        RevisionEnvelopeWriter.Render(recordId, activities, _users, limit, offsetV2);

    // Both select dialects, both token orders, swapped colours and both badge attributes appear across one history.
    public static DiffMarkupStyle StyleFor(int activityIndex) => new(
        activityIndex % 2 == 0 ? SelectMarkup.ChoiceTokens : SelectMarkup.Spans,
        NewBeforeOld: activityIndex % 3 == 0,
        SwapChoiceColors: activityIndex % 4 == 1,
        XlinkHref: activityIndex % 4 == 2);

    // string.GetHashCode is randomised per process; histories must be the same in every run.
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
