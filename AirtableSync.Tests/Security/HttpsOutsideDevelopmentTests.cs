using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AirtableSync.Tests.Security;

/// <summary>
/// The app in the Production environment, on the in-memory test server (which lets a request claim to be HTTPS
/// for a real-looking host name; HSTS is never sent for localhost or 127.0.0.1).
/// </summary>
public sealed class HttpsOutsideDevelopmentTests : IAsyncLifetime
{
    private ProductionApp _app = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new ProductionApp();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnHttpsResponseInProductionCarriesStrictTransportSecurity()
    {
        using var client = _app.CreateClient(new() { BaseAddress = new Uri("https://airtablesync.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/not-found", Ct);

        Assert.Matches("^max-age=[1-9][0-9]*", SecurityHeadersTests.Header(response, "Strict-Transport-Security"));
        Assert.Equal("nosniff", SecurityHeadersTests.Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task AnHttpRequestInProductionIsRedirectedToHttps()
    {
        using var client = _app.CreateClient(new() { BaseAddress = new Uri("http://airtablesync.example"), AllowAutoRedirect = false });

        using var response = await client.GetAsync("/bases?x=1", Ct);

        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"Expected a redirect, got {(int)response.StatusCode}.");
        Assert.Equal("https://airtablesync.example:8443/bases?x=1", response.Headers.Location?.AbsoluteUri);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS must only be sent over HTTPS.");
    }

    private sealed class ProductionApp : WebApplicationFactory<Program>
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("airtablesync-production-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:DataDirectory", _directory);
            builder.UseSetting("Browser:ProfileDirectory", Path.Combine(_directory, "browser-profiles"));
            // UseHttpsRedirection needs to know where HTTPS is served; behind a proxy this is the public port.
            builder.UseSetting("https_port", "8443");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may hold the file a moment longer; the OS temp cleaner takes it.
            }
        }
    }
}
