using System.Text.Json;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AirtableSync.Storage.Mongo;

// Queries of the analytics streams (AirtableSync.Analytics), as builders so tests can render them without a server.
// Both walk in record id order: _id and recordId are plain strings, compared in binary (ordinal) order as in SQLite.
internal static class MongoAnalyticsDocuments
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> FieldChanges(string tableId, string fieldId) =>
        Filter.Eq("tableId", tableId) & Filter.Eq("fieldId", fieldId);

    // Served by the tableId_fieldId_recordId_changedAt index (MongoIndexes).
    public static SortDefinition<BsonDocument> RecordThenTime { get; } =
        Builders<BsonDocument>.Sort.Ascending("recordId").Ascending("changedAt");

    // Only the values of the event body, never its raw markup.
    public static ProjectionDefinition<BsonDocument> ChangeValues { get; } = Builders<BsonDocument>.Projection
        .Include("recordId").Include("activityId").Include("changedAt").Include("event.oldValues").Include("event.newValues");

    public static FieldChange ReadChange(BsonDocument d)
    {
        var body = d.TryGetValue("event", out var e) && e.IsBsonDocument ? e.AsBsonDocument : [];
        return new FieldChange(d["recordId"].AsString, d["activityId"].AsString, d.GetDate("changedAt"), Values(body, "oldValues"), Values(body, "newValues"));
    }

    public static FilterDefinition<BsonDocument> TableRecords(string baseId, string tableId) =>
        Filter.Eq("baseId", baseId) & Filter.Eq("tableId", tableId);

    // Served by the baseId_tableId_recordId index.
    public static SortDefinition<BsonDocument> ById { get; } = Builders<BsonDocument>.Sort.Ascending("_id");

    public static ProjectionDefinition<BsonDocument> CellSource { get; } = Builders<BsonDocument>.Projection
        .Include("_id").Include("createdTime").Include("deletedAt").Include("fieldsJson");

    // The cell comes from the raw fieldsJson, byte-for-byte what Airtable sent, like SQLite's answer.
    public static RecordFieldCell ReadCell(BsonDocument d, string fieldId)
    {
        using var fields = JsonDocument.Parse(d["fieldsJson"].AsString);
        var cell = fields.RootElement.ValueKind == JsonValueKind.Object && fields.RootElement.TryGetProperty(fieldId, out var value)
            ? value.GetRawText() : null;
        return new RecordFieldCell(d["_id"].AsString, d.GetDate("createdTime"), d.GetNullableDate("deletedAt"), cell);
    }

    private static string[]? Values(BsonDocument body, string name) =>
        body.TryGetValue(name, out var value) && value.IsBsonArray ? [.. value.AsBsonArray.Select(v => v.IsString ? v.AsString : v.ToString() ?? "")] : null;
}
