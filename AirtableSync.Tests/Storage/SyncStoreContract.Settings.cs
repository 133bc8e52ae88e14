using AirtableSync.Storage;

namespace AirtableSync.Tests.Storage;

public abstract partial class SyncStoreContract
{
    private static StoredConnection Connection(string id, int minute) => new()
    {
        Id = id,
        Kind = ConnectionKind.OAuth,
        Status = ConnectionStatus.Active,
        ProtectedSecret = $"CfDJ8-protected-{id}+/=\u00e9",
        SecretHint = "…wxyz",
        AirtableUserId = "usrA",
        Email = "ada@example.com",
        Scopes = ["data.records:read", "schema.bases:read"],
        SecretExpiresAt = T0.AddHours(1),
        ValidatedAt = T0.AddMinutes(minute),
        StatusMessage = null,
        CreatedAt = T0.AddMinutes(minute),
        UpdatedAt = T0.AddMinutes(minute),
    };

    [Fact]
    public async Task ConnectionsRoundTripWithTheProtectedSecretUntouched()
    {
        var first = Connection("con1", 1);
        var second = Connection("con2", 2) with { Kind = ConnectionKind.WebSession, Scopes = [], SecretExpiresAt = null, ValidatedAt = null };
        await Store.SaveConnectionAsync(second, Token);
        await Store.SaveConnectionAsync(first, Token);
        var updated = first with { Status = ConnectionStatus.NeedsReauthorization, StatusMessage = "refresh token revoked", UpdatedAt = T0.AddDays(1) };
        await Store.SaveConnectionAsync(updated, Token);

        var stored = await Store.GetConnectionAsync("con1", Token);
        var all = await Store.ListConnectionsAsync(Token);

        Assert.NotNull(stored);
        Assert.Equal(updated with { Scopes = [] }, stored with { Scopes = [] });
        Assert.Equal(updated.Scopes, stored.Scopes);
        Assert.Equal(first.ProtectedSecret, stored.ProtectedSecret);
        Assert.Equal(["con1", "con2"], all.Select(c => c.Id));
        Assert.Empty(all[1].Scopes);

        await Store.DeleteConnectionAsync("con1", Token);
        Assert.Null(await Store.GetConnectionAsync("con1", Token));
        Assert.Equal(["con2"], (await Store.ListConnectionsAsync(Token)).Select(c => c.Id));
    }

    [Fact]
    public async Task CheckpointsAreKeptPerScopeAndOverwrittenByKey()
    {
        await Store.SaveCheckpointAsync("sync:appBase", "tblTable", """{"offset":"itr1"}""", T0, Token);
        await Store.SaveCheckpointAsync("sync:appBase", "tblOther", """{"offset":null}""", T0, Token);
        await Store.SaveCheckpointAsync("settings", "statusField", "\"fldS\"", T0, Token);
        await Store.SaveCheckpointAsync("sync:appBase", "tblTable", """{"offset":"itr2"}""", T0.AddMinutes(1), Token);

        Assert.Equal("""{"offset":"itr2"}""", await Store.GetCheckpointAsync("sync:appBase", "tblTable", Token));
        Assert.Null(await Store.GetCheckpointAsync("sync:appBase", "tblMissing", Token));
        Assert.Equal(
            new Dictionary<string, string> { ["tblOther"] = """{"offset":null}""", ["tblTable"] = """{"offset":"itr2"}""" },
            await Store.ListCheckpointsAsync("sync:appBase", Token));

        await Store.DeleteCheckpointsAsync("sync:appBase", Token);
        Assert.Empty(await Store.ListCheckpointsAsync("sync:appBase", Token));
        Assert.Equal("\"fldS\"", await Store.GetCheckpointAsync("settings", "statusField", Token));
    }

    [Fact]
    public async Task InitializingAgainIsHarmless()
    {
        await UpsertAsync(T0, Rec("rec1", 1, "{}"));

        await Store.InitializeAsync(Token);

        Assert.Equal(["rec1"], Ids(await QueryAsync()));
    }
}
