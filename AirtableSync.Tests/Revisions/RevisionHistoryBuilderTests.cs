using System.Text.Json;
using AirtableSync.Revisions;
using AirtableSync.Sandbox;
using AirtableSync.Sandbox.Revisions;

namespace AirtableSync.Tests.Revisions;

public class RevisionHistoryBuilderTests
{
    private const string RecordId = "recTicket00000042";
    private static readonly DateTimeOffset CreatedAt = new(2026, 2, 1, 8, 30, 0, TimeSpan.Zero);
    private static readonly FakeRevisionTable Table = FakeRevisionTable.Sample;

    private readonly RevisionHistoryBuilder _builder = new(new FakeUserDirectory().Collaborators);

    [Fact]
    public void SameRecordGivesTheSameHistoryEveryTime()
    {
        var first = _builder.Build(RecordId, CreatedAt);
        var second = new RevisionHistoryBuilder(new FakeUserDirectory().Collaborators).Build(RecordId, CreatedAt);

        Assert.Equal(Render(first), Render(second));
        Assert.NotEqual(Render(first), Render(_builder.Build("recOtherRecord001", CreatedAt)));
    }

    [Fact]
    public void HistoryStartsWithRowCreateAndContainsStatusAssigneeCommentsAndASkippedActivity()
    {
        var history = _builder.Build(RecordId, CreatedAt, changeCount: 20);

        var create = Assert.IsType<FakeRowActivity>(history[0]);
        Assert.Equal("rowCreate", create.GroupType);
        Assert.All(create.Changes, c => Assert.Equal(ChangeKind.NullToValue, c.Kind));
        Assert.Equal(CreatedAt, create.CreatedTime);
        var rows = history.OfType<FakeRowActivity>().ToList();
        Assert.Contains(rows.Skip(1), r => r.Changes.Any(c => c.FieldId == Table.Status.Id && c.Kind == ChangeKind.Diff));
        Assert.Contains(rows.Skip(1), r => r.Changes.Any(c => c.FieldId == Table.Assignee.Id && c.Kind == ChangeKind.Diff));
        Assert.Contains(rows, r => r.Changes.Count > 1 && r.GroupType == "edit");
        Assert.Contains(rows, r => r.DiffRowHtml is null);
        Assert.NotEmpty(history.OfType<FakeComment>());
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.CreatedTime < p.Second.CreatedTime));
    }

    [Fact]
    public void RenamedFieldsShowTheirFormerNameEarlyUnderTheSameId()
    {
        var statusNames = _builder.Build(RecordId, CreatedAt, changeCount: 20).OfType<FakeRowActivity>()
            .SelectMany(r => r.Changes).Where(c => c.FieldId == Table.Status.Id).Select(c => c.FieldName).Distinct().ToList();

        Assert.Equal(["Stage", "Status"], statusNames);
    }

    [Fact]
    public void BothSelectDialectsAndBothBadgeAttributesAppearInOneHistory()
    {
        var html = string.Concat(_builder.Build(RecordId, CreatedAt, changeCount: 20).OfType<FakeRowActivity>().Select(r => r.DiffRowHtml));

        Assert.Contains("choiceToken", html, StringComparison.Ordinal);
        Assert.Contains("strikethrough colors-background-negative rounded", html, StringComparison.Ordinal);
        Assert.Contains("xlink:href=\"#", html, StringComparison.Ordinal);
        Assert.Contains(" href=\"#Minus\"", html, StringComparison.Ordinal);
        Assert.Contains("textDiff", html, StringComparison.Ordinal);
    }

    [Fact]
    public void PagingThroughRenderedPagesNormalisesTheWholeHistoryOnce()
    {
        var history = _builder.Build(RecordId, CreatedAt, changeCount: 25);
        var normalizer = new RevisionActivityNormalizer(new RevisionDiffParser());
        var context = new RevisionPageContext("appSample00000001", "tblTickets0000001", RecordId, new RevisionFieldRoles(Table.Status.Id, Table.Assignee.Id));
        var events = new List<RevisionEvent>();
        var comments = new List<RecordComment>();
        var skipped = new List<string>();
        var pages = 0;
        string? offset = null;
        do
        {
            var page = normalizer.Normalize(_builder.RenderPage(RecordId, history, limit: 4, offset), context);
            events.AddRange(page.Events);
            comments.AddRange(page.Comments);
            skipped.AddRange(page.SkippedActivityIds);
            offset = page.NextOffsetV2;
            pages++;
        }
        while (offset is not null && pages < 100);

        Assert.Equal((history.Count + 3) / 4, pages);
        var rows = history.OfType<FakeRowActivity>().ToList();
        var expectedKeys = rows.Where(r => r.DiffRowHtml is not null).SelectMany(r => r.Changes.Select(c => $"{r.Id}/{c.FieldId}/{c.Kind}/{Values(c.OldValues)}->{Values(c.NewValues)}"));
        Assert.Equal(expectedKeys.Order(), events.Select(e => $"{e.ActivityId}/{e.FieldId}/{e.ChangeKind}/{Values(e.OldValues)}->{Values(e.NewValues)}").Order());
        Assert.Equal(events.Count, events.Select(e => (e.ActivityId, e.FieldId)).Distinct().Count());
        Assert.All(events, e => Assert.True(e.IsParsed));
        Assert.Equal(history.OfType<FakeComment>().Select(c => c.Id).Order(), comments.Select(c => c.CommentId).Order());
        Assert.Equal(rows.Where(r => r.DiffRowHtml is null).Select(r => r.Id).Order(), skipped.Order());
        Assert.All(events.Where(e => e.FieldId == Table.Status.Id), e => Assert.Equal(RevisionEventKind.Status, e.Kind));
        Assert.All(events.Where(e => e.FieldId == Table.Assignee.Id), e => Assert.Equal(RevisionEventKind.Assignee, e.Kind));
        Assert.Contains(events, e => e.Kind == RevisionEventKind.Status && e.FieldName == "Stage");
        Assert.Contains(events, e => e.Kind == RevisionEventKind.Status && e.FieldName == "Status");
        Assert.All(events, e => Assert.NotNull(e.ActorName));
        Assert.All(events.Where(e => e.GroupType == "rowCreate"), e => Assert.Equal(ChangeKind.NullToValue, e.ChangeKind));
    }

    [Fact]
    public void PageIsNewestFirstAndListsOnlyItsOwnUsers()
    {
        var history = _builder.Build(RecordId, CreatedAt, changeCount: 10);

        using var page = JsonDocument.Parse(_builder.RenderPage(RecordId, history, limit: 3, offsetV2: null));

        var data = page.RootElement.GetProperty("data");
        Assert.Equal("SUCCESS", page.RootElement.GetProperty("msg").GetString());
        var ids = data.GetProperty("orderedActivityAndCommentIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(history.OrderByDescending(a => a.CreatedTime).Take(3).Select(a => a.Id), ids);
        var pageUsers = history.Where(a => ids.Contains(a.Id)).Select(a => a.UserId).Distinct().Order();
        Assert.Equal(pageUsers, data.GetProperty("rowActivityOrCommentUserObjById").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(JsonValueKind.String, data.GetProperty("offsetV2").ValueKind);
    }

    [Fact]
    public void LastPageHasNullCursor()
    {
        var history = _builder.Build(RecordId, CreatedAt, changeCount: 2);

        using var page = JsonDocument.Parse(_builder.RenderPage(RecordId, history, limit: 10, offsetV2: null));

        Assert.Equal(JsonValueKind.Null, page.RootElement.GetProperty("data").GetProperty("offsetV2").ValueKind);
    }

    [Fact]
    public void ForeignOrGarbageCursorAndNonPositiveLimitAreRejected()
    {
        var history = _builder.Build(RecordId, CreatedAt, changeCount: 10);
        using var first = JsonDocument.Parse(_builder.RenderPage(RecordId, history, limit: 2, offsetV2: null));
        var cursor = first.RootElement.GetProperty("data").GetProperty("offsetV2").GetString();

        Assert.Throws<ArgumentException>(() => _builder.RenderPage("recOtherRecord001", history, 2, cursor));
        Assert.Throws<ArgumentException>(() => _builder.RenderPage(RecordId, history, 2, "not-a-cursor!"));
        Assert.Throws<ArgumentOutOfRangeException>(() => _builder.RenderPage(RecordId, history, 0, null));
        Assert.Throws<ArgumentException>(() => new RevisionHistoryBuilder([]));
    }

    private static string Values(IReadOnlyList<string>? values) => values is null ? "null" : string.Join("|", values.Order(StringComparer.Ordinal));

    private string Render(IReadOnlyList<FakeActivity> history) => _builder.RenderPage(RecordId, history, limit: 1000, offsetV2: null);
}
