using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using AirtableSync.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AirtableSync.Tests.Security;

public sealed class RequestSizeLimitTests : IAsyncLifetime
{
    private const string ApiKey = "request-size-api-key-0001";
    private AppFactory _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new AppFactory(new Dictionary<string, string?> { ["Api:Keys:0"] = ApiKey });
        _app.StartServer();
        _client = _app.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = _app.ClientOptions.BaseAddress });
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        // The server refuses before the body is sent: the client waits for "100 Continue", which never comes.
        _client.DefaultRequestHeaders.ExpectContinue = true;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(2 * 1024 * 1024, true)]
    [InlineData(2 * 1024 * 1024, false)]
    [InlineData(100 * 1024, true)]
    public async Task AnApiBodyOverTheLimitIs413AndStartsNothing(int bytes, bool withContentLength)
    {
        using var response = await _client.PostAsync("/api/v1/syncs", JsonBody(bytes, withContentLength), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await _client.GetFromJsonAsync<object[]>("/api/v1/jobs", Ct) ?? []);
    }

    [Fact]
    public async Task AnApiBodyUnderTheLimitIsStillAccepted()
    {
        // 60 KB of padding in a property the endpoint ignores: under the 64 KB API limit.
        using var response = await _client.PostAsync("/api/v1/connections/personal-access-token", JsonBody(60 * 1024, withContentLength: true), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("token is required", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APageFormPostOverTheGlobalLimitIs413NotAServerError()
    {
        using var content = new ByteArrayContent(new byte[2 * 1024 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        using var response = await _client.PostAsync("/connect", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public void TheBlazorCircuitHubAcceptsNoMessageOverThirtyTwoKilobytes() =>
        Assert.Equal(32 * 1024, CircuitHubMaximumReceiveMessageSize(_app.Services));

    /// <summary>ComponentHub is internal to Blazor; its options are what the circuit actually uses.</summary>
    internal static long? CircuitHubMaximumReceiveMessageSize(IServiceProvider services)
    {
        var hubType = Type.GetType("Microsoft.AspNetCore.Components.Server.ComponentHub, Microsoft.AspNetCore.Components.Server", throwOnError: true)
            ?? throw new InvalidOperationException("No ComponentHub.");
        var optionsType = typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hubType));
        return ((IOptions<HubOptions>)services.GetRequiredService(optionsType)).Value.MaximumReceiveMessageSize;
    }

    private static HttpContent JsonBody(int bytes, bool withContentLength)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"includeRevisions":false,"padding":"{{new string('x', bytes)}}"}""");
        HttpContent content = withContentLength ? new ByteArrayContent(json) : new StreamContent(new UnknownLengthStream(json));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>Hides its length so that HttpClient sends the body chunked, without a Content-Length to refuse up front.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
