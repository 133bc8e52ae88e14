using AirtableSync.Airtable;
using AirtableSync.Connections;
using AirtableSync.Tests.Airtable;
using AirtableSync.Tests.Connections;

namespace AirtableSync.Tests.Validation;

/// <summary>Every layer that takes a token refuses one no header can carry: the connector, start-up configuration, and the HTTP clients below them.</summary>
public sealed class TokenGuardTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(BadInput.TokenCases), MemberType = typeof(BadInput))]
    public async Task TheConnectorRefusesABadTokenBeforeAskingAirtableAndStoresNothing(string name)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => env.Get<AirtableConnector>().ConnectPersonalAccessTokenAsync(BadInput.Token(name), Ct));

        Assert.Equal("token", error.ParamName);
        Assert.Empty(await env.Store.ListConnectionsAsync(Ct));
        Assert.Empty(env.Fake.State.RequestLog.Entries);
        Assert.DoesNotContain(env.Logs.Lines, line => line.Contains(BadInput.Prefix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("accent")]
    [InlineData("overLong")]
    public async Task AConfiguredBadTokenStopsTheStartWithAMessageThatDoesNotQuoteIt(string name)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectionsTestEnvironment.StartAsync(
            settings: new() { ["Airtable:PersonalAccessToken"] = BadInput.Token(name) }, cancellationToken: Ct));

        Assert.Contains("Airtable:PersonalAccessToken is not a usable token. The token ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadInput.Prefix, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Airtable:OAuth:ClientId", "crlf")]
    [InlineData("Airtable:OAuth:ClientId", "space")]
    [InlineData("Airtable:OAuth:ClientId", "accent")]
    [InlineData("Airtable:OAuth:ClientSecret", "lf")]
    [InlineData("Airtable:OAuth:ClientSecret", "nul")]
    [InlineData("Airtable:OAuth:ClientSecret", "overLong")]
    public async Task ABadOAuthClientSettingStopsTheStartNamingTheSettingNotItsValue(string setting, string name)
    {
        var settings = new Dictionary<string, string?> { ["Airtable:OAuth:ClientId"] = "clientIdOfTheTests01", [setting] = BadInput.Token(name) };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => ConnectionsTestEnvironment.StartAsync(settings: settings, cancellationToken: Ct));

        var validation = Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(error is AggregateException { InnerException: { } inner } ? inner : error);
        Assert.Contains($"{setting} must be the integration's", validation.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadInput.Prefix, validation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("nul")]
    [InlineData("emoji")]
    public async Task TheIdentityProbeTurnsAnUnsendableTokenIntoAnAuthenticationError(string name)
    {
        await using var env = await ConnectionsTestEnvironment.StartAsync(cancellationToken: Ct);

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() => env.Get<AirtableIdentityProbe>().WhoAmIAsync(BadInput.Token(name), Ct));

        Assert.Contains("cannot be sent to Airtable", error.Message, StringComparison.Ordinal);
        Assert.Empty(env.Fake.State.RequestLog.Entries);
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("nul")]
    [InlineData("accent")]
    public async Task TheApiClientTurnsAnUnsendableStoredTokenIntoAnAuthenticationError(string name)
    {
        await using var harness = await AirtableClientHarness.StartAsync();
        var client = harness.Client.ForTokenSource(new StaticTokenSource(new AirtableAccessToken(BadInput.Token(name), "pat:test")));

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() => client.WhoAmIAsync(Ct));

        Assert.Contains("must be re-authorised", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(BadInput.Prefix, error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.State.RequestLog.Entries);
    }
}
