using MongoDB.Bson;

namespace AirtableSync.Storage.Mongo;

// Documents of users (Identity password hashes) and apiKeys (SHA-256 of the key only).
internal static class MongoAccountDocuments
{
    public static BsonDocument User(AppUser u) => new()
    {
        ["_id"] = u.Id,
        ["userName"] = u.UserName,
        ["normalizedUserName"] = u.NormalizedUserName,
        ["displayName"] = u.DisplayName,
        ["role"] = u.Role.ToString(),
        ["passwordHash"] = u.PasswordHash,
        ["failedSignIns"] = u.FailedSignIns,
        ["lockedUntil"] = MongoValues.Date(u.LockedUntil),
        ["disabled"] = u.Disabled,
        ["createdAt"] = MongoValues.Date(u.CreatedAt),
        ["lastSignInAt"] = MongoValues.Date(u.LastSignInAt),
    };

    public static AppUser ReadUser(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        UserName = d["userName"].AsString,
        NormalizedUserName = d["normalizedUserName"].AsString,
        DisplayName = d["displayName"].AsString,
        Role = Enum.Parse<AppRole>(d["role"].AsString),
        PasswordHash = d["passwordHash"].AsString,
        FailedSignIns = d["failedSignIns"].ToInt32(),
        LockedUntil = d.GetNullableDate("lockedUntil"),
        Disabled = d["disabled"].AsBoolean,
        CreatedAt = d.GetDate("createdAt"),
        LastSignInAt = d.GetNullableDate("lastSignInAt"),
    };

    public static BsonDocument ApiKey(StoredApiKey k) => new()
    {
        ["_id"] = k.Id,
        ["name"] = k.Name,
        ["prefix"] = k.Prefix,
        ["keyHash"] = k.KeyHash,
        ["scope"] = k.Scope.ToString(),
        ["createdBy"] = k.CreatedBy,
        ["createdAt"] = MongoValues.Date(k.CreatedAt),
        ["lastUsedAt"] = MongoValues.Date(k.LastUsedAt),
        ["revokedAt"] = MongoValues.Date(k.RevokedAt),
    };

    public static StoredApiKey ReadApiKey(BsonDocument d) => new(
        d["_id"].AsString, d["name"].AsString, d["prefix"].AsString, d["keyHash"].AsString, Enum.Parse<ApiKeyScope>(d["scope"].AsString),
        d["createdBy"].AsString, d.GetDate("createdAt"), d.GetNullableDate("lastUsedAt"), d.GetNullableDate("revokedAt"));

    public static BsonDocument Preferences(string userKey, UserPreferences p, DateTimeOffset updatedAt) => new()
    {
        ["_id"] = userKey,
        ["darkMode"] = p.DarkMode,
        ["updatedAt"] = MongoValues.Date(updatedAt),
    };

    // A field missing from an older document reads as its default.
    public static UserPreferences ReadPreferences(BsonDocument d) =>
        new(DarkMode: d.TryGetValue("darkMode", out var dark) && dark.IsBoolean && dark.AsBoolean);

    // One document per person and table; the key holds no separator that an id or a subject could contain unescaped.
    public static string GridLayoutId(string userKey, string baseId, string tableId) =>
        $"{Uri.EscapeDataString(userKey)}/{baseId}/{tableId}";

    public static BsonDocument GridLayout(string userKey, string baseId, string tableId, GridLayout layout, DateTimeOffset updatedAt) => new()
    {
        ["_id"] = GridLayoutId(userKey, baseId, tableId),
        ["userKey"] = userKey,
        ["baseId"] = baseId,
        ["tableId"] = tableId,
        ["order"] = new BsonArray(layout.Order),
        ["hidden"] = new BsonArray(layout.Hidden),
        ["updatedAt"] = MongoValues.Date(updatedAt),
    };

    public static GridLayout ReadGridLayout(BsonDocument d) => new(Strings(d, "order"), Strings(d, "hidden"));

    private static IReadOnlyList<string> Strings(BsonDocument d, string name) =>
        d.TryGetValue(name, out var value) && value.IsBsonArray ? [.. value.AsBsonArray.Where(v => v.IsString).Select(v => v.AsString)] : [];
}
