using System.Globalization;
using System.Text.Json;

namespace AirtableSync.Revisions;

// Reads the JSON of one readRowActivitiesAndComments page (docs/airtable/revision-history.md §3.1) and fails with a
// RevisionPayloadException that names the offending path rather than a null reference.
// rowActivityInfoById is required ([C] in every source); users, comments and offsetV2 may be absent ([L]).
internal static class RevisionEnvelopeReader
{
    public static RevisionEnvelope Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new RevisionPayloadException($"Revision history response is not JSON: {e.Message}", e);
        }
    }

    public static RevisionEnvelope Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new RevisionPayloadException($"Revision history response is a JSON {root.ValueKind}, not an object.");
        }

        // Error envelope {"error":{"type":…,"message":…}} (§3.3).
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
        {
            var type = error.ValueKind == JsonValueKind.Object ? OptionalString(error, "type", "error") : null;
            var message = error.ValueKind == JsonValueKind.Object ? OptionalString(error, "message", "error") : error.ToString();
            throw new RevisionPayloadException($"Revision history request failed: {type ?? "error"}: {message ?? "(no message)"}.");
        }

        var msg = OptionalString(root, "msg", "");
        if (msg != "SUCCESS")
        {
            throw new RevisionPayloadException(msg is null
                ? "Revision history response has no \"msg\"; expected \"SUCCESS\"."
                : $"Revision history response says msg=\"{msg}\", not \"SUCCESS\".");
        }

        var data = RequiredObject(root, "data", "");
        var activities = RequiredObject(data, "rowActivityInfoById", "data")
            .EnumerateObject().Select(Activity).ToList();
        var users = OptionalObject(data, "rowActivityOrCommentUserObjById", "data")
            .Select(User).GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First());
        var comments = OptionalObject(data, "commentsById", "data").Select(Comment).ToList();
        return new RevisionEnvelope(activities, users, comments, OffsetV2(data));
    }

    private static ActivityDto Activity(JsonProperty property)
    {
        var path = $"data.rowActivityInfoById.{property.Name}";
        var activity = AsObject(property.Value, path);
        return new ActivityDto(
            property.Name,
            RequiredTime(activity, "createdTime", path),
            OptionalString(activity, "originatingUserId", path),
            OptionalString(activity, "diffRowHtml", path),
            OptionalString(activity, "groupType", path));
    }

    private static UserDto User(JsonProperty property)
    {
        var path = $"data.rowActivityOrCommentUserObjById.{property.Name}";
        var user = AsObject(property.Value, path);
        return new UserDto(OptionalString(user, "id", path) ?? property.Name, OptionalString(user, "name", path), OptionalString(user, "email", path));
    }

    private static CommentDto Comment(JsonProperty property)
    {
        var path = $"data.commentsById.{property.Name}";
        var comment = AsObject(property.Value, path);
        return new CommentDto(
            OptionalString(comment, "id", path) ?? property.Name,
            OptionalString(comment, "userId", path),
            OptionalString(comment, "text", path) ?? "",
            RequiredTime(comment, "createdTime", path));
    }

    // A cursor is opaque (§3.2); a non-string one is kept as its JSON text rather than refused.
    private static string? OffsetV2(JsonElement data) =>
        !data.TryGetProperty("offsetV2", out var offset) ? null
        : offset.ValueKind == JsonValueKind.String ? (offset.GetString() is { Length: > 0 } s ? s : null)
        : offset.ValueKind == JsonValueKind.Null ? null
        : offset.GetRawText();

    private static JsonElement RequiredObject(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw new RevisionPayloadException($"Revision history response lacks \"{Join(path, name)}\".");
        }

        return AsObject(value, Join(path, name));
    }

    private static List<JsonProperty> OptionalObject(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? [.. AsObject(value, Join(path, name)).EnumerateObject()]
            : [];

    private static JsonElement AsObject(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Object
            ? value
            : throw new RevisionPayloadException($"Revision history response: \"{path}\" is a JSON {value.ValueKind}, expected an object.");

    private static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new RevisionPayloadException($"Revision history response: \"{Join(path, name)}\" is a JSON {value.ValueKind}, expected a string.");
    }

    private static DateTimeOffset RequiredTime(JsonElement parent, string name, string path)
    {
        var text = OptionalString(parent, name, path)
            ?? throw new RevisionPayloadException($"Revision history response lacks \"{Join(path, name)}\".");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new RevisionPayloadException($"Revision history response: \"{Join(path, name)}\" = \"{text}\" is not an ISO-8601 time.");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
