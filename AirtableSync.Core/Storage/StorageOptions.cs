using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Storage;

public enum StorageProvider { Sqlite, MongoDb }

/// <summary>The <c>Storage</c> configuration section (see <see cref="StorageServiceCollectionExtensions.AddSyncStorage"/>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Where local data lives; relative paths are resolved against the app's content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public MongoStorageOptions MongoDb { get; set; } = new();

    /// <summary>The SQLite file: <c>Storage:Sqlite:Path</c>, else <c>&lt;DataDirectory&gt;/airtablesync.db</c>, made absolute against <paramref name="contentRoot"/>.</summary>
    public string ResolveSqlitePath(string contentRoot)
    {
        var path = string.IsNullOrWhiteSpace(Sqlite.Path) ? System.IO.Path.Combine(DataDirectory, "airtablesync.db") : Sqlite.Path;
        return System.IO.Path.GetFullPath(path, contentRoot);
    }
}

public sealed class SqliteStorageOptions
{
    public string? Path { get; set; }
}

public sealed class MongoStorageOptions
{
    public string? ConnectionString { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "airtablesync";
}
