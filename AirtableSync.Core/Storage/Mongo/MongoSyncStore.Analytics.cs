using System.Runtime.CompilerServices;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Streams for analytics: cursors read batch by batch, so memory stays flat in table size.
public sealed partial class MongoSyncStore
{
    public async IAsyncEnumerable<FieldChange> StreamFieldChangesAsync(string tableId, string fieldId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var cursor = await Collection(MongoCollections.Revisions).Find(MongoAnalyticsDocuments.FieldChanges(tableId, fieldId))
            .Sort(MongoAnalyticsDocuments.RecordThenTime).Project(MongoAnalyticsDocuments.ChangeValues).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoAnalyticsDocuments.ReadChange(document);
            }
        }
    }

    public async IAsyncEnumerable<RecordFieldCell> StreamFieldCellsAsync(string baseId, string tableId, string fieldId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!RecordQueryRules.IsFieldId(fieldId))
        {
            throw new ArgumentException($"Field id '{fieldId}' is not an Airtable field id.", nameof(fieldId));
        }
        using var cursor = await Records.Find(MongoAnalyticsDocuments.TableRecords(baseId, tableId))
            .Sort(MongoAnalyticsDocuments.ById).Project(MongoAnalyticsDocuments.CellSource).ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (BsonDocument document in cursor.Current)
            {
                yield return MongoAnalyticsDocuments.ReadCell(document, fieldId);
            }
        }
    }
}
