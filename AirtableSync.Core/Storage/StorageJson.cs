using System.Text.Json;
using System.Text.Json.Serialization;

namespace AirtableSync.Storage;

// How both providers serialize the small structured values they keep as JSON (fields, views, progress, events).
internal static class StorageJson
{
    // Enums as names so a reordered enum never reinterprets stored data.
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored JSON for {typeof(T).Name} is null.");
}
