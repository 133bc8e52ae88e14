using Microsoft.Extensions.Options;

namespace AirtableSync.Storage;

// Cross-field rules data annotations cannot express; runs at start-up through ValidateOnStart.
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider '{options.Provider}' is not supported; use Sqlite or MongoDb.");
        }
        if (options.Provider == StorageProvider.MongoDb)
        {
            if (string.IsNullOrWhiteSpace(options.MongoDb.ConnectionString))
            {
                return ValidateOptionsResult.Fail(
                    "Storage:Provider is MongoDb but Storage:MongoDb:ConnectionString is empty. Set it (e.g. mongodb://host:27017) or use Storage:Provider=Sqlite.");
            }
            if (string.IsNullOrWhiteSpace(options.MongoDb.Database))
            {
                return ValidateOptionsResult.Fail("Storage:MongoDb:Database must name a database.");
            }
        }
        return ValidateOptionsResult.Success;
    }
}
