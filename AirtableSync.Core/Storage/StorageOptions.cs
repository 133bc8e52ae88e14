using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
    public string ResolveSqlitePath(string contentRoot) => ResolveDataPath(Sqlite.Path, "airtablesync.db", contentRoot);

    /// <summary>
    /// Where one of the app's files lives: <paramref name="configured"/> when a setting names it, else
    /// <paramref name="nameInDataDirectory"/> under <see cref="DataDirectory"/>; relative paths are made absolute against
    /// <paramref name="contentRoot"/>, so they mean the same for every file (never the shell's working directory).
    /// </summary>
    public string ResolveDataPath(string? configured, string nameInDataDirectory, string contentRoot) =>
        System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? System.IO.Path.Combine(DataDirectory, nameInDataDirectory) : configured, contentRoot);

    /// <summary>The content root relative data paths are resolved against: the host's, else the working directory.</summary>
    public static string ContentRootOf(IServiceProvider services) =>
        services.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
}

public sealed class SqliteStorageOptions
{
    public string? Path { get; set; }

    /// <summary>
    /// How often the write-ahead log is checkpointed and truncated to zero bytes when something was written since the last time
    /// (besides once after every job). Between 10 seconds and 1 day.
    /// </summary>
    public TimeSpan IdleCheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SQLite's journal_size_limit: the size the log is trimmed back to after a background checkpoint. 1 to 1024.</summary>
    public int JournalSizeLimitMegabytes { get; set; } = 64;
}

public sealed class MongoStorageOptions
{
    public string? ConnectionString { get; set; }

    [Required(AllowEmptyStrings = false)]
    public string Database { get; set; } = "airtablesync";
}
