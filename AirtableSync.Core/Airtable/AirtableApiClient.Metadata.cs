namespace AirtableSync.Airtable;

public sealed partial class AirtableApiClient
{
    // GET /v0/meta/whoami — cheap token probe, any plan, no scope (docs/airtable/public-api.md §1.5).
    public Task<AirtableUser> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        SendAsync(AirtableCall.Get("v0/meta/whoami", null), AirtableJsonReader.ReadUser, cancellationToken);

    // Every base the token can reach, following offset over all pages (docs/airtable/public-api.md §2.1).
    public async Task<IReadOnlyList<BaseInfo>> ListBasesAsync(CancellationToken cancellationToken = default)
    {
        var bases = new List<BaseInfo>();
        string? offset = null;
        do
        {
            var query = offset is null ? "" : "?offset=" + Uri.EscapeDataString(offset);
            var page = await SendAsync(AirtableCall.Get("v0/meta/bases", null, query), AirtableJsonReader.ReadBasesPage, cancellationToken);
            bases.AddRange(page.Bases);
            offset = page.Offset;
        }
        while (offset is not null);
        return bases;
    }

    // Tables with fields (raw options JSON) and views; one call per base, not paged (docs/airtable/public-api.md §2.2).
    public Task<IReadOnlyList<TableSchema>> GetBaseSchemaAsync(string baseId, CancellationToken cancellationToken = default) =>
        SendAsync(AirtableCall.Get($"v0/meta/bases/{AirtableCall.Segment(baseId, nameof(baseId))}/tables", baseId), AirtableJsonReader.ReadTables, cancellationToken);
}
