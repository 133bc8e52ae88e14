using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Sandbox;

namespace AirtableSync.Tests.Connections;

public class PersonalAccessTokenTests
{
    public const string AdaToken = "patAdaLovelace001.0123456789abcdef0123456789abcdef0123456789abcdefWXYZ";

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    internal static void RegisterAdaToken(FakeAirtableState fake) =>
        fake.Tokens.Add(new FakeAccessToken(AdaToken, FakeTokenKind.PersonalAccessToken, "usrAdaLovelace001", ["data.records:read", "schema.bases:read"], null));

    [Fact]
    public async Task TokenAirtableRejectsIsReportedAndNothingIsSaved()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() =>
            env.Get<AirtableConnector>().ConnectPersonalAccessTokenAsync("patNotARealToken.00000000000000000000", Ct));

        Assert.Contains("did not accept this personal access token", error.Message, StringComparison.Ordinal);
        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyTokenIsRefusedBeforeAskingAirtable(string token)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => env.Get<AirtableConnector>().ConnectPersonalAccessTokenAsync(token, Ct));

        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
    }

    [Fact]
    public async Task ValidTokenIsStoredEncryptedAndOnlyItsLastFourCharactersAreShown()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(beforeAppStart: RegisterAdaToken, cancellationToken: Ct);

        var summary = await env.Get<AirtableConnector>().ConnectPersonalAccessTokenAsync(AdaToken, Ct);

        Assert.Equal("WXYZ", summary.SecretHint);
        Assert.Equal("usrAdaLovelace001", summary.AirtableUserId);
        Assert.Equal(ConnectionKind.PersonalAccessToken, summary.Kind);
        var stored = Assert.Single(await env.Store.ListConnectionsAsync(Ct));
        Assert.DoesNotContain(AdaToken, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(AdaToken, string.Join("|", await env.Get<AirtableConnector>().ListAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(AdaToken, (await env.Get<IAirtableTokenSource>().GetAccessTokenAsync(Ct)).Value);
    }

    [Fact]
    public async Task ConfiguredTokenIsValidatedAndConnectedAtStartUp()
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(
            settings: new() { ["Airtable:PersonalAccessToken"] = AdaToken }, beforeAppStart: RegisterAdaToken, cancellationToken: Ct);

        var stored = Assert.Single(await env.Store.ListConnectionsAsync(Ct));

        Assert.Equal(ConnectionKind.PersonalAccessToken, stored.Kind);
        Assert.Equal("usrAdaLovelace001", stored.AirtableUserId);
        Assert.Equal("usrAdaLovelace001", (await env.Get<AirtableApiClient>().WhoAmIAsync(Ct)).Id);
    }

    [Fact]
    public async Task ConfiguredTokenAirtableRejectsStopsTheStartWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ConnectionsTestEnvironment.StartAsync(settings: new() { ["Airtable:PersonalAccessToken"] = "patRevoked.000000000000" }, cancellationToken: Ct));

        Assert.Contains("Airtable:PersonalAccessToken was rejected", error.Message, StringComparison.Ordinal);
    }
}
