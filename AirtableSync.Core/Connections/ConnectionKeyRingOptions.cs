using System.ComponentModel.DataAnnotations;

namespace AirtableSync.Connections;

/// <summary>
/// "Storage": { "DataDirectory": "data" } — the Data Protection key ring lives in {DataDirectory}/keys, beside
/// the database, so that a backup of the directory keeps secrets readable. Read here through its own small class
/// because the storage feature's options were not on this branch yet; the same key binds both.
/// </summary>
public sealed class ConnectionKeyRingOptions
{
    public const string SectionName = "Storage";

    [Required]
    public string DataDirectory { get; set; } = "data";

    public string KeysDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "keys");
}
