using System.Text.Json;
using AirtableSync.Storage;

namespace AirtableSync.Revisions;

// Which field of a table is Status and which is Assignee, chosen by the admin (Settings) and kept by field id,
// so renaming a field breaks nothing (docs/airtable/revision-history.md §8.2). Without a choice, the schema decides.
public sealed class TableFieldRoles(ICheckpointStore store, TimeProvider time)
{
    private const string Scope = "table-field-roles";

    public async Task<RevisionFieldRoles> GetAsync(StoredTable table, CancellationToken cancellationToken)
    {
        var json = await store.GetCheckpointAsync(Scope, Key(table), cancellationToken);
        return json is not null && JsonSerializer.Deserialize<RevisionFieldRoles>(json) is { } chosen
            ? chosen
            : RevisionFieldRoles.FromSchema([.. table.Fields.Where(f => !f.IsRemoved)]);
    }

    public Task SaveAsync(StoredTable table, RevisionFieldRoles roles, CancellationToken cancellationToken) =>
        store.SaveCheckpointAsync(Scope, Key(table), JsonSerializer.Serialize(roles), time.GetUtcNow(), cancellationToken);

    private static string Key(StoredTable table) => $"{table.BaseId}/{table.Id}";
}
