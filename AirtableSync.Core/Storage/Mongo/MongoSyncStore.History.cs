using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    public async Task<int> UpsertRevisionEventsAsync(IReadOnlyList<RevisionEvent> events, CancellationToken cancellationToken = default)
    {
        // Within one call the last event for a key wins, as it would with sequential replaces.
        var latest = events.GroupBy(e => (e.RecordId, e.ActivityId, e.FieldId)).Select(g => g.Last()).ToList();
        if (latest.Count == 0)
        {
            return 0;
        }
        var result = await Collection(MongoCollections.Revisions).BulkWriteAsync(
            latest.Select(MongoHistoryDocuments.Event), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        return result.Upserts.Count;
    }

    public async Task<IReadOnlyList<RevisionEvent>> GetRevisionsAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var documents = await Collection(MongoCollections.Revisions).Find(Filter.Eq("recordId", recordId))
            .Sort(MongoHistoryDocuments.NewestFirst).ToListAsync(cancellationToken);
        return documents.Select(d => MongoValues.FromStructured<RevisionEvent>(d["event"])).ToList();
    }

    public async Task<IReadOnlySet<string>> GetKnownActivityIdsAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var ids = await Collection(MongoCollections.Revisions).DistinctAsync<string>("activityId", Filter.Eq("recordId", recordId), cancellationToken: cancellationToken);
        return (await ids.ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<ActivityPage> QueryActivityAsync(ActivityQuery query, CancellationToken cancellationToken = default)
    {
        var after = ActivityCursor.Read(query);
        // Take + 1: the extra document only says that another page exists.
        var documents = await Collection(MongoCollections.Revisions).Find(MongoActivityDocuments.Matching(query, after))
            .Sort(MongoActivityDocuments.FeedOrder).Limit(query.Take + 1).ToListAsync(cancellationToken);
        var items = documents.Take(query.Take).Select(d => MongoValues.FromStructured<RevisionEvent>(d["event"])).ToList();
        return new ActivityPage(items, documents.Count > query.Take ? ActivityCursor.Encode(items[^1]) : null);
    }

    public async Task<IReadOnlyList<ActivityActor>> ListActivityActorsAsync(string baseId, string? tableId, CancellationToken cancellationToken = default)
    {
        var documents = await Collection(MongoCollections.Revisions)
            .Aggregate<BsonDocument>(MongoActivityDocuments.ActorsPipeline(baseId, tableId), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return [.. documents.Select(MongoActivityDocuments.ReadActor)
            .OrderBy(a => a.Name ?? a.Email ?? a.Id, StringComparer.CurrentCultureIgnoreCase).ThenBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task UpsertRecordCommentsAsync(IReadOnlyList<RecordComment> comments, CancellationToken cancellationToken = default)
    {
        if (comments.Count > 0)
        {
            await Collection(MongoCollections.Comments).BulkWriteAsync(
                comments.Select(MongoHistoryDocuments.Comment), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RecordComment>> GetRecordCommentsAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var documents = await Collection(MongoCollections.Comments).Find(Filter.Eq("recordId", recordId))
            .Sort(Builders<BsonDocument>.Sort.Ascending("createdAt").Ascending("commentId")).ToListAsync(cancellationToken);
        return documents.Select(MongoHistoryDocuments.ReadComment).ToList();
    }
}
