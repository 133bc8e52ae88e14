using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

public sealed partial class MongoSyncStore
{
    public async Task<UpsertOutcome> UpsertRecordsAsync(string baseId, string tableId, IReadOnlyList<RecordData> records, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseId);
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        if (records.Count == 0)
        {
            return new UpsertOutcome(0, 0, 0);
        }
        var contents = RecordContent.AnalyzeBatch(records);
        var stored = await Records.Find(MongoRecordDocuments.ByIds(records.Select(r => r.Id)))
            .Project(Builders<BsonDocument>.Projection.Include("contentHash").Include("deleted"))
            .ToListAsync(cancellationToken);
        var known = stored.ToDictionary(d => d["_id"].AsString, d => (Hash: d["contentHash"].ToInt64(), Deleted: d["deleted"].ToBoolean()), StringComparer.Ordinal);
        var models = new List<WriteModel<BsonDocument>>();
        var unchanged = new List<string>();
        int inserted = 0, updated = 0;
        foreach (var content in contents)
        {
            if (known.TryGetValue(content.Record.Id, out var previous) && previous.Hash == content.Hash && !previous.Deleted)
            {
                unchanged.Add(content.Record.Id);
                continue;
            }
            if (known.ContainsKey(content.Record.Id))
            {
                updated++;
            }
            else
            {
                inserted++;
            }
            // Building the model validates the cells, so a bad record fails the page before anything is sent.
            models.Add(MongoRecordDocuments.Write(baseId, tableId, content, seenAt));
        }
        if (unchanged.Count > 0)
        {
            models.Add(MongoRecordDocuments.Touch(unchanged, seenAt));
        }
        await Records.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        return new UpsertOutcome(inserted, updated, unchanged.Count);
    }

    public async Task<int> TombstoneRecordsNotSeenSinceAsync(string baseId, string tableId, DateTimeOffset scanStartedAt, DateTimeOffset deletedAt, CancellationToken cancellationToken = default)
    {
        var result = await Records.UpdateManyAsync(
            MongoRecordDocuments.NotSeenSince(baseId, tableId, scanStartedAt), MongoRecordDocuments.Tombstone(deletedAt), cancellationToken: cancellationToken);
        return (int)result.ModifiedCount;
    }

    public Task MarkRevisionsFetchedAsync(string recordId, DateTimeOffset fetchedAt, CancellationToken cancellationToken = default) =>
        Records.UpdateOneAsync(ById(recordId), Builders<BsonDocument>.Update.Set("revisionsFetchedAt", MongoValues.Date(fetchedAt)), cancellationToken: cancellationToken);

    public async Task<RecordPage> QueryRecordsAsync(RecordQuery query, CancellationToken cancellationToken = default)
    {
        RecordQueryRules.Validate(query);
        var fields = query.SortFieldId is null && query.Filters is not { Count: > 0 }
            ? null
            : (await GetTableAsync(query.BaseId, query.TableId, cancellationToken))?.Fields;
        var filter = MongoRecordDocuments.Page(query, RecordQueryRules.SearchTerm(query), RecordCondition.For(query, fields));
        var sort = query.SortFieldId is null ? null : RecordSort.For(query, fields);
        var items = sort switch
        {
            null => await Records.Find(filter).Sort(MongoRecordDocuments.Order(query)).Skip(query.Skip).Limit(query.Take)
                .Project(MongoRecordDocuments.WithoutParsedFields).ToListAsync(cancellationToken),
            { Kind: RecordSortKind.Value } byValue => await ValueSortedPageAsync(filter, byValue, query, cancellationToken),
            // A sort on a computed key has no index to use: let a big table spill to disk rather than fail.
            { } computed => await Records.Aggregate(MongoRecordDocuments.SortedPage(filter, computed, query.Skip, query.Take), new AggregateOptions { AllowDiskUse = true }, cancellationToken)
                .ToListAsync(cancellationToken),
        };
        var records = items.Select(MongoRecordDocuments.Read).ToList();
        if (RecordPage.TotalFromWindow(query.Skip, query.Take, records.Count) is { } known)
        {
            return new RecordPage(records, known);
        }
        if (RecordQueryRules.SearchTerm(query) is null)
        {
            return new RecordPage(records, (int)await Records.CountDocumentsAsync(filter, cancellationToken: cancellationToken));
        }
        // A search's regex tests every document of the table: its count stops at the same limit as SQLite's.
        var limit = RecordPage.SearchCountLimit(query.Skip, query.Take);
        return RecordPage.Counted(records, await Records.CountDocumentsAsync(filter, new CountOptions { Limit = limit + 1L }, cancellationToken), limit);
    }

    // Values first, then blanks (last in both directions), each a find in MongoRecordDocuments.ValueOrder off the field's
    // sort index. The blanks' offset is the window's less the records with a value.
    private async Task<List<BsonDocument>> ValueSortedPageAsync(FilterDefinition<BsonDocument> filter, RecordSort sort, RecordQuery query, CancellationToken cancellationToken)
    {
        await EnsureSortIndexAsync(query.TableId, sort.FieldId, cancellationToken);
        var order = MongoRecordDocuments.ValueOrder(sort);
        // An array cell makes the index multikey, which cannot give this order: then the server sorts, spilling if it must.
        var options = new FindOptions { AllowDiskUse = true };
        var valued = filter & MongoRecordDocuments.CellIsBlank(sort.FieldId, blank: false);
        var items = await Records.Find(valued, options).Sort(order).Skip(query.Skip).Limit(query.Take)
            .Project(MongoRecordDocuments.WithoutParsedFields).ToListAsync(cancellationToken);
        if (items.Count == query.Take)
        {
            return items;
        }
        var valuedCount = items.Count > 0 || query.Skip == 0
            ? query.Skip + items.Count
            : await Records.CountDocumentsAsync(valued, new CountOptions { Limit = query.Skip }, cancellationToken);
        var blanks = await Records.Find(filter & MongoRecordDocuments.CellIsBlank(sort.FieldId, blank: true), options).Sort(order)
            .Skip((int)Math.Max(0, query.Skip - valuedCount)).Limit(query.Take - items.Count)
            .Project(MongoRecordDocuments.WithoutParsedFields).ToListAsync(cancellationToken);
        items.AddRange(blanks);
        return items;
    }

    // Sort indexes known to exist; creating an existing one again is a no-op, but a round trip per window.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _sortIndexes = new(StringComparer.Ordinal);

    // The first sort of a table by a field builds its index (the server builds it while writes go on).
    private async Task EnsureSortIndexAsync(string tableId, string fieldId, CancellationToken cancellationToken)
    {
        var model = MongoRecordDocuments.ValueSortIndex(tableId, fieldId);
        if (_sortIndexes.ContainsKey(model.Options.Name))
        {
            return;
        }
        await Records.Indexes.CreateOneAsync(model, cancellationToken: cancellationToken);
        _sortIndexes[model.Options.Name] = true;
    }

    public async Task<IReadOnlyList<CellPerson>> ListPeopleAsync(string baseId, string tableId, string fieldId, int limit = 200, CancellationToken cancellationToken = default)
    {
        CellPeople.Validate(baseId, tableId, fieldId, limit);
        var people = await Records.Aggregate(MongoRecordDocuments.People(baseId, tableId, fieldId), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        return CellPeople.Order(people.Select(MongoRecordDocuments.ReadPerson), limit);
    }

    public async Task<StoredRecord?> GetRecordAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var document = await Records.Find(ById(recordId)).Project(MongoRecordDocuments.WithoutParsedFields).FirstOrDefaultAsync(cancellationToken);
        return document is null ? null : MongoRecordDocuments.Read(document);
    }

    public async Task<IReadOnlyList<StoredRecord>> GetRecordsByIdsAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default)
    {
        var documents = await Records.Find(MongoRecordDocuments.ByIds(recordIds)).Sort(Builders<BsonDocument>.Sort.Ascending("_id"))
            .Project(MongoRecordDocuments.WithoutParsedFields).ToListAsync(cancellationToken);
        return documents.Select(MongoRecordDocuments.Read).ToList();
    }

    public async Task<IReadOnlyList<StoredRecord>> ListRecordsNeedingRevisionsAsync(string baseId, string tableId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await Records.Find(MongoRecordDocuments.NeedingRevisions(baseId, tableId))
            .Sort(Builders<BsonDocument>.Sort.Ascending("updatedAt").Ascending("_id")).Limit(limit)
            .Project(MongoRecordDocuments.WithoutParsedFields).ToListAsync(cancellationToken);
        return documents.Select(MongoRecordDocuments.Read).ToList();
    }
}
