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
        if (options.Sqlite.IdleCheckpointInterval < TimeSpan.FromSeconds(10) || options.Sqlite.IdleCheckpointInterval > TimeSpan.FromDays(1))
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Sqlite:IdleCheckpointInterval must be between 00:00:10 and 1.00:00:00 (it is {options.Sqlite.IdleCheckpointInterval}).");
        }
        if (options.Sqlite.JournalSizeLimitMegabytes is < 1 or > 1024)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:Sqlite:JournalSizeLimitMegabytes must be between 1 and 1024 (it is {options.Sqlite.JournalSizeLimitMegabytes}).");
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
