using System.Net;
using AirtableSync.Airtable;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Airtable;

public class AirtableErrorHandlingTests
{
    [Fact]
    public async Task ServiceUnavailableIsRetriedAfterTheRetryAfterHeader()
    {
        var clock = new VirtualClock();
        await using var h = await AirtableClientHarness.StartAsync(clock: clock);
        var (baseId, table) = h.AddTable("Flaky", 3);
        h.State.Faults.Enqueue(new FakeFault(503, RetryAfter: TimeSpan.FromSeconds(1)));

        var pages = await clock.RunAsync(() => ToListAsync(h.Client.ListRecordsAsync(baseId, table.Id, cancellationToken: TestContext.Current.CancellationToken)), TestContext.Current.CancellationToken);

        Assert.Equal(3, Assert.Single(pages).Records.Count);
        var requests = h.State.RequestLog.Entries;
        Assert.Equal([503, 200], requests.Select(r => r.StatusCode));
        // One clock for client and fake: the gap is the wait the client scheduled. Its own back-off would be 20 ms.
        Assert.Equal(TimeSpan.FromSeconds(1), requests[1].Time - requests[0].Time);
    }

    [Fact]
    public async Task BadGatewayPagesAndDroppedConnectionsAreRetried()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (baseId, _) = h.AddTable("Outage", 1);
        h.State.Faults.Enqueue(new FakeFault(502));
        h.State.Faults.Enqueue(new FakeFault(500, AbortConnection: true));
        h.State.Faults.Enqueue(new FakeFault(500));

        var tables = await h.Client.GetBaseSchemaAsync(baseId, TestContext.Current.CancellationToken);

        Assert.Single(tables);
        Assert.Equal(4, h.State.RequestLog.Entries.Count);
        Assert.Equal(200, h.State.RequestLog.Entries[^1].StatusCode);
    }

    [Fact]
    public async Task TransientRetriesAreBoundedAndThenSurfaceAirtablesError()
    {
        await using var h = await AirtableClientHarness.StartAsync(settings: new Dictionary<string, string?> { ["Airtable:MaxTransientRetries"] = "2" });
        var (baseId, _) = h.AddTable("Down", 1);
        h.State.Faults.Enqueue(new FakeFault(503), times: 10);

        var error = await Assert.ThrowsAsync<AirtableApiException>(() => h.Client.GetBaseSchemaAsync(baseId, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("RETRIABLE_ERROR", error.ErrorType);
        Assert.True(error.IsTransient);
        Assert.Equal(3, h.State.RequestLog.Entries.Count);
    }

    [Fact]
    public async Task BillingLimitFailsAtOnceWithOneRequest()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (baseId, table) = h.AddTable("Quota", 5);
        h.State.BillingLimitExceeded = true;

        var error = await Assert.ThrowsAsync<AirtableBillingLimitException>(async () =>
        {
            await foreach (var _ in h.Client.ListRecordsAsync(baseId, table.Id, cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Contains("monthly API call quota is spent", error.Message, StringComparison.Ordinal);
        Assert.Equal("PUBLIC_API_BILLING_LIMIT_EXCEEDED", error.ErrorType);
        Assert.False(error.IsTransient);
        Assert.Single(h.State.RequestLog.Entries);
        Assert.Null(h.Limiters.PausedUntil(baseId));
    }

    [Fact]
    public async Task UnauthorizedAsksTheTokenSourceOnceAndRetriesWithTheFreshToken()
    {
        var source = new RotatingTokenSource();
        await using var h = await AirtableClientHarness.StartAsync(services: s => s.AddSingleton<IAirtableTokenSource>(source));
        h.State.Tokens.Add(new AirtableSync.Sandbox.FakeAccessToken(RotatingTokenSource.Fresh.Value, AirtableSync.Sandbox.FakeTokenKind.OAuthAccess, "usrSandboxAdmin01", [.. FakeSandboxSeeder.SandboxScopes], null));

        var user = await h.Client.WhoAmIAsync(TestContext.Current.CancellationToken);

        Assert.Equal("usrSandboxAdmin01", user.Id);
        Assert.Equal(1, source.Refreshes);
        Assert.Equal([401, 200], h.State.RequestLog.Entries.Select(e => e.StatusCode));
    }

    [Fact]
    public async Task UnauthorizedTwiceFailsAsAnAuthenticationFailure()
    {
        var source = new RotatingTokenSource();
        await using var h = await AirtableClientHarness.StartAsync(services: s => s.AddSingleton<IAirtableTokenSource>(source));

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() => h.Client.WhoAmIAsync(TestContext.Current.CancellationToken));

        Assert.True(error.IsAuthenticationFailure);
        Assert.Equal("AUTHENTICATION_REQUIRED", error.ErrorType);
        Assert.Equal(1, source.Refreshes);
        Assert.Equal(2, h.State.RequestLog.Entries.Count);
    }

    [Fact]
    public async Task RevokedPersonalAccessTokenFailsAfterOneRequest()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        h.State.Tokens.Revoke(AirtableClientHarness.Token);

        var error = await Assert.ThrowsAsync<AirtableAuthenticationException>(() => h.Client.ListBasesAsync(TestContext.Current.CancellationToken));

        Assert.Contains("re-authorised", error.Message, StringComparison.Ordinal);
        Assert.Single(h.State.RequestLog.Entries);
    }

    [Fact]
    public async Task ForbiddenBaseFailsFastWithAirtablesTypeAndMessage()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (allowed, _) = h.AddTable("Allowed", 1);
        var (hidden, _) = h.AddTable("Hidden", 1);
        h.State.Workspace.GrantBases(AirtableClientHarness.Token, [allowed]);

        var error = await Assert.ThrowsAsync<AirtableApiException>(() => h.Client.GetBaseSchemaAsync(hidden, TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", error.ErrorType);
        Assert.False(string.IsNullOrEmpty(error.AirtableMessage));
        Assert.Contains(error.AirtableMessage ?? "", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsAuthenticationFailure);
        Assert.Single(h.State.RequestLog.Entries);
    }

    [Fact]
    public async Task MissingRecordFailsWithNotFound()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (baseId, table) = h.AddTable("Gone", 1);

        var error = await Assert.ThrowsAsync<AirtableApiException>(() => h.Client.GetRecordAsync(baseId, table.Id, "recDoesNotExist01", TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("NOT_FOUND", error.ErrorType);
        Assert.Single(h.State.RequestLog.Entries);
    }

    [Fact]
    public async Task InvalidFormulaFailsFastWithAirtablesUnprocessableEntityError()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        var (baseId, table) = h.AddTable("Formula", 1);

        var error = await Assert.ThrowsAsync<AirtableApiException>(async () =>
        {
            await foreach (var _ in h.Client.ListRecordsAsync(baseId, table.Id, new ListRecordsRequest { FilterByFormula = "{No such field} = 'x'" }, TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.ErrorType));
        Assert.Contains(error.ErrorType ?? "", error.Message, StringComparison.Ordinal);
        Assert.Contains($"GET /v0/{baseId}/{table.Id}", error.Message, StringComparison.Ordinal);
        Assert.Single(h.State.RequestLog.Entries);
    }

    [Fact]
    public async Task UnreadableSuccessBodyBecomesAnApiExceptionNamingTheEndpoint()
    {
        await using var h = await AirtableClientHarness.StartAsync();
        // The fake's fault without a JSON error type writes an HTML page; with status 200 it is a proxy's bogus success.
        h.State.Faults.Enqueue(new FakeFault(200));

        var error = await Assert.ThrowsAsync<AirtableApiException>(() => h.Client.WhoAmIAsync(TestContext.Current.CancellationToken));

        Assert.Contains("GET /v0/meta/whoami", error.Message, StringComparison.Ordinal);
        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    /// <summary>Hands out a token the fake does not know, then on refresh one it does (if the test registered it).</summary>
    private sealed class RotatingTokenSource : IAirtableTokenSource
    {
        public static readonly AirtableAccessToken Stale = new("oauthStaleAccessToken", "conn:1");
        public static readonly AirtableAccessToken Fresh = new("oauthFreshAccessToken", "conn:1");

        public int Refreshes { get; private set; }

        public ValueTask<AirtableAccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Stale);

        public ValueTask<AirtableAccessToken?> RefreshAfterUnauthorizedAsync(AirtableAccessToken rejected, CancellationToken cancellationToken = default)
        {
            Refreshes++;
            return ValueTask.FromResult<AirtableAccessToken?>(Fresh);
        }
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }
        return list;
    }
}
