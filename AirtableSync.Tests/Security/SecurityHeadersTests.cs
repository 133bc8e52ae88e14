using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AirtableSync.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Security;

public sealed partial class SecurityHeadersTests : IAsyncLifetime
{
    private const string ApiKey = "security-headers-api-key-0001";
    private const string AdminUserName = "headers-admin@example.com";
    private const string AdminPassword = "headers-admin-password-0001";
    private AppFactory _app = null!;
    private HttpClient _client = null!;
    private HttpClient _anonymous = null!;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = new AppFactory(new Dictionary<string, string?>
        {
            ["Api:Keys:0"] = ApiKey,
            ["Auth:BootstrapAdmin:UserName"] = AdminUserName,
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
        }, services => services.AddTransient<IStartupFilter, FailingPathStartupFilter>());
        _app.StartServer();
        // Signed in for the pages, with an API key for the REST API: both get past the sign-in to the real answer.
        _client = await AppSignIn.SignedInClientAsync(_app.ClientOptions.BaseAddress, AdminUserName, AdminPassword);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _anonymous = AppSignIn.NewClient(_app.ClientOptions.BaseAddress);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/v1/bases", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/no-such-file.js", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/jobs/jobNoSuchJob", HttpStatusCode.NotFound)]
    public async Task EveryKindOfResponseCarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    /// <summary>
    /// A caller who is not signed in is sent to the sign-in page for anything that is not public, even a path that does
    /// not exist (which tells a stranger nothing about what does); that redirect and the sign-in page are hardened too.
    /// </summary>
    [Theory]
    [InlineData("/", HttpStatusCode.Found)]
    [InlineData("/no-such-file.js", HttpStatusCode.Found)]
    [InlineData(FailingPathStartupFilter.Path, HttpStatusCode.Found)]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/api/v1/bases", HttpStatusCode.Unauthorized)]
    public async Task AnAnonymousCallerGetsTheSecurityHeadersOnEveryAnswerIncludingTheRedirectToSignIn(string path, HttpStatusCode expected)
    {
        using var response = await _anonymous.GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Found)
        {
            var location = new Uri(_app.ClientOptions.BaseAddress, response.Headers.Location ?? throw new Xunit.Sdk.XunitException("No Location."));
            Assert.Equal("/account/login", location.AbsolutePath);
            Assert.Equal(path, QueryHelpers.ParseQuery(location.Query)["ReturnUrl"].ToString());
        }
        AssertSecurityHeaders(response);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var csp = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", csp["default-src"]);
        Assert.Matches("^'self' 'nonce-[A-Za-z0-9+/]{22}==' *$", csp["script-src"]);
        Assert.Equal("'self' 'unsafe-inline'", csp["style-src"]);
        Assert.Equal("'self' data:", csp["img-src"]);
        Assert.Equal("'self'", csp["connect-src"]);
        Assert.Equal("'none'", csp["object-src"]);
        Assert.Equal("'self'", csp["base-uri"]);
        Assert.Equal("'self'", csp["form-action"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-eval", csp.Values);
    }

    [Fact]
    public async Task TheImportMapCarriesTheNonceOfItsOwnResponseAndEachResponseHasANewOne()
    {
        using var first = await _client.GetAsync("/", Ct);
        using var second = await _client.GetAsync("/", Ct);
        var html = await first.Content.ReadAsStringAsync(Ct);

        var nonce = NonceIn(Header(first, "Content-Security-Policy"));
        Assert.NotEmpty(nonce);
        var importMap = ImportMapTag().Match(html);
        Assert.True(importMap.Success, "The page renders no import map.");
        // The attribute is HTML-encoded ('+' may come as &#x2B;); the browser compares its decoded value with the header's.
        Assert.Equal(nonce, WebUtility.HtmlDecode(NonceAttribute().Match(importMap.Value).Groups[1].Value));
        Assert.NotEqual(nonce, NonceIn(Header(second, "Content-Security-Policy")));
        // The import map is the only inline script: every other script is a file from 'self'.
        Assert.All(ScriptTag().Matches(html), s => Assert.True(s.Value.Contains(" src=", StringComparison.Ordinal) || s.Index == importMap.Index, s.Value));
    }

    [Fact]
    public async Task AFailingRequestAnsweredByTheExceptionHandlerKeepsTheHeaders()
    {
        // The Testing environment runs the production exception handler, which clears headers before re-executing.
        using var response = await _client.GetAsync(FailingPathStartupFilter.Path, Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    /// <summary>A request to <see cref="Path"/> throws behind the app's whole pipeline, as a bug in an endpoint would.</summary>
    private sealed class FailingPathStartupFilter : IStartupFilter
    {
        public const string Path = "/test-failure";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate after) => context.Request.Path == Path
                ? throw new InvalidOperationException("Simulated failure.")
                : after(context));
        };
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header.");

    private static Dictionary<string, string> Directives(string csp) =>
        csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "", StringComparer.Ordinal);

    private static string NonceIn(string csp) => NonceSource().Match(csp).Groups[1].Value;

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex NonceSource();

    [GeneratedRegex("nonce=\"([^\"]*)\"")]
    private static partial Regex NonceAttribute();

    [GeneratedRegex("<script[^>]*type=\"importmap\"[^>]*>")]
    private static partial Regex ImportMapTag();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
