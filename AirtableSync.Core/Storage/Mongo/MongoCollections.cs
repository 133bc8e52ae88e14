namespace AirtableSync.Storage.Mongo;

internal static class MongoCollections
{
    public const string Bases = "bases";
    public const string Tables = "tables";
    public const string Records = "records";
    public const string Revisions = "revisions";
    public const string Comments = "comments";
    public const string Jobs = "jobs";
    public const string Connections = "connections";
    public const string Checkpoints = "checkpoints";
    public const string Users = "users";
    public const string ApiKeys = "apiKeys";
    public const string UserPreferences = "userPreferences";
    public const string GridLayouts = "gridLayouts";
}
