using AirtableSync.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AirtableSync.Tests.Storage;

/// <summary>The feed's first page is read off a feed index in order: SQLite never sorts the base's events.</summary>
public sealed class SqliteActivityPlanTests(TemporaryDirectory directory) : IClassFixture<TemporaryDirectory>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    public static readonly TheoryData<string, string> Queries = new()
    {
        { "all", "ix_revision_events_base_feed" },
        { "field", "ix_revision_events_base_feed" },
        { "table", "ix_revision_events_table_feed" },
        { "table+field+person+kind+range+search", "ix_revision_events_table_feed" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task FirstPageUsesAFeedIndexWithoutATemporarySort(string filters, string index)
    {
        using var store = new SqliteSyncStore(Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db"), NullLogger<SqliteSyncStore>.Instance);
        await store.InitializeAsync(Token);
        var at = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var query = filters switch
        {
            "all" => new ActivityQuery("appB"),
            "field" => new ActivityQuery("appB", FieldId: "fldS"),
            "table" => new ActivityQuery("appB", "tblT"),
            _ => new ActivityQuery("appB", "tblT", "fldS", "usrA", RevisionEventKind.Status, at, at.AddDays(7), "done"),
        };

        var plan = await store.ExplainActivityAsync(query, Token);
        var nextPage = await store.ExplainActivityAsync(query with { Cursor = AirtableSync.Storage.ActivityCursor.Encode(new AirtableSync.Storage.ActivityCursor.Position(at.ToUnixTimeMilliseconds(), "rec1", "act1", "fld1")) }, Token);

        Assert.Contains(plan, step => step.Contains($"USING INDEX {index}", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(nextPage, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(nextPage, step => step.Contains("changed_at<?", StringComparison.Ordinal) || step.Contains("changed_at<", StringComparison.Ordinal));
    }
}
