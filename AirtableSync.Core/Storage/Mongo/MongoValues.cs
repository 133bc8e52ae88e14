using System.Text.Json;
using MongoDB.Bson;

namespace AirtableSync.Storage.Mongo;

// Conversions between our values and BSON. Instants are BSON dates (millisecond precision, like StoredTime).
internal static class MongoValues
{
    public static BsonValue Date(DateTimeOffset value) => new BsonDateTime(StoredTime.ToMilliseconds(value));

    public static BsonValue Date(DateTimeOffset? value) => value is { } v ? Date(v) : BsonNull.Value;

    public static BsonValue Text(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    public static DateTimeOffset GetDate(this BsonDocument document, string name) =>
        StoredTime.FromMilliseconds(document[name].AsBsonDateTime.MillisecondsSinceEpoch);

    public static DateTimeOffset? GetNullableDate(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsBsonNull ? StoredTime.FromMilliseconds(value.AsBsonDateTime.MillisecondsSinceEpoch) : null;

    public static string? GetNullableString(this BsonDocument document, string name) =>
        document.TryGetValue(name, out var value) && !value.IsBsonNull ? value.AsString : null;

    // Our own JSON → BSON mapping rather than BsonDocument.Parse: cells are data, so a value shaped like
    // extended JSON ({"$date": …}) must stay a plain document, and huge numbers must not fail.
    // The result only serves sorting and inspection; the raw JSON string stays the source of truth.
    public static BsonValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new BsonDocument(element.EnumerateObject().Select(p => new BsonElement(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new BsonArray(element.EnumerateArray().Select(FromJson)),
        JsonValueKind.String => new BsonString(element.GetString() ?? ""),
        JsonValueKind.Number when element.TryGetInt64(out var whole) => new BsonInt64(whole),
        JsonValueKind.Number => new BsonDouble(element.GetDouble()),
        JsonValueKind.True => BsonBoolean.True,
        JsonValueKind.False => BsonBoolean.False,
        _ => BsonNull.Value,
    };

    public static BsonDocument DocumentFromJson(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        return FromJson(parsed.RootElement) as BsonDocument ?? [];
    }

    // Our records serialized with StorageJson, as BSON, so they are readable in the database.
    public static BsonValue Structured<T>(T value)
    {
        using var parsed = JsonDocument.Parse(StorageJson.Serialize(value));
        return FromJson(parsed.RootElement);
    }

    public static T FromStructured<T>(BsonValue value) =>
        StorageJson.Deserialize<T>(value.ToJson(new MongoDB.Bson.IO.JsonWriterSettings { OutputMode = MongoDB.Bson.IO.JsonOutputMode.RelaxedExtendedJson }));
}
