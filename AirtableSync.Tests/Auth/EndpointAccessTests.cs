using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Auth;

/// <summary>
/// Every endpoint of the running app, enumerated from its EndpointDataSource, against anonymous callers, analysts
/// and read-only API keys. A page or endpoint missing from the lists below fails the test: nothing new can be forgotten.
/// </summary>
public sealed partial class EndpointAccessTests
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Reachable without signing in.</summary>
    private static readonly HashSet<string> Anonymous = ["/account/login", "/setup", "/account/access-denied", "/not-found", "/Error"];

    /// <summary>Admins only: analysts are refused.</summary>
    private static readonly HashSet<string> AdminOnly =
        ["/connect", "/connect/oauth-problem", "/settings", "/jobs", "/admin/users", "/admin/api-keys", "/connections/airtable/oauth/start", "/connections/airtable/oauth/callback"];

    /// <summary>What analysts browse.</summary>
    private static readonly HashSet<string> AnalystPages =
        ["/", "/bases", "/bases/{BaseId}", "/bases/{BaseId}/tables/{TableId}", "/bases/{BaseId}/tables/{TableId}/records/{RecordId}",
         "/bases/{BaseId}/activity", "/bases/{BaseId}/tables/{TableId}/activity",
         "/bases/{BaseId}/tables/{TableId}/analytics"];

    /// <summary>Analysts' downloads: not refused, though a dummy base answers 404 rather than a page.</summary>
    private static readonly HashSet<string> AnalystDownloads = ["/bases/{baseId}/tables/{tableId}/export.csv", "/bases/{baseId}/activity.csv",
        "/bases/{baseId}/tables/{tableId}/analytics/{report}.csv"];

    /// <summary>Any signed-in user: sign-out and Blazor's own plumbing (the circuit, its redirects, and files not in the manifest).</summary>
    private static readonly HashSet<string> SignedIn =
        ["/account/logout", "/_framework/opaque-redirect", "/_blazor", "/_blazor/negotiate", "/_blazor/disconnect/", "/_blazor/initializers/", "{**path:file}"];

    private sealed record Target(string Pattern, string Method, string Path);

    private static List<Target> Targets(AuthApp app) =>
        [.. app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Files of the static-asset manifest (a file name, marked anonymous) are public by design: the sign-in page needs its CSS.
            // An endpoint with a file name that needs sign-in (a download) is checked like the rest.
            .Where(e => !Path.HasExtension(e.RoutePattern.RawText) || e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Pattern: e.RoutePattern.RawText ?? "", Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Select(e => new Target(e.Pattern, Method(e.Pattern, e.Methods), Fill(e.Pattern)))];

    // SignalR's endpoints declare no method; its negotiate and disconnect are POSTs.
    private static string Method(string pattern, IReadOnlyList<string> methods) =>
        methods.Contains("GET") ? "GET" : methods.Count > 0 ? methods[0] : pattern.StartsWith("/_blazor/", StringComparison.Ordinal) ? "POST" : "GET";

    // The OpenAPI document is asked for by its real name, so that a key-holder's answer is the document, not a 404.
    private static string Fill(string pattern) =>
        Parameter().Replace(pattern, m => m.Value.Contains(":file", StringComparison.Ordinal) ? "missing.txt"
            : m.Groups["name"].Value == "documentName" ? "v1" : $"dummy{m.Groups["name"].Value}");

    [GeneratedRegex(@"\{\**(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private static bool IsApi(string pattern) => pattern.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The REST API's OpenAPI document: API keys only (RestApiTests reads it with a key).</summary>
    private const string ApiDocument = "/openapi/{documentName}.json";

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Target target, string? bearer = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Path);
        if (target.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        if (bearer is not null)
        {
            request.Headers.Authorization = new("Bearer", bearer);
        }
        return client.SendAsync(request, Token);
    }

    private static bool RedirectsTo(HttpResponseMessage response, string path) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
        && response.Headers.Location?.OriginalString.Contains(path, StringComparison.OrdinalIgnoreCase) == true;

    [Fact]
    public async Task EveryEndpointIsClassifiedAsAnonymousAdminOnlyAnalystSignedInOrApi()
    {
        await using var app = await AuthApp.StartAsync();

        var unclassified = Targets(app).Select(t => t.Pattern)
            .Where(p => !IsApi(p) && !Anonymous.Contains(p) && !AdminOnly.Contains(p) && !AnalystPages.Contains(p) && !AnalystDownloads.Contains(p) && !SignedIn.Contains(p) && p != ApiDocument)
            .ToList();

        Assert.True(unclassified.Count == 0, "Classify these endpoints in EndpointAccessTests: " + string.Join(", ", unclassified));
        Assert.Contains(Targets(app), t => t.Pattern == "/api/v1/syncs");
        // The schedule is read with any key and changed with an admin key only: both verbs must be enumerated to be checked.
        Assert.Contains(Targets(app), t => t.Pattern == "/api/v1/schedule" && t.Method == "GET");
        Assert.Contains(Targets(app), t => t.Pattern == "/api/v1/schedule" && t.Method == "PUT");
        Assert.Contains(Targets(app), t => AnalystDownloads.Contains(t.Pattern));
    }

    [Fact]
    public async Task EveryEndpointOutsideTheAllowListIsClosedToAnonymousCallers()
    {
        await using var app = await AuthApp.StartAsync();
        using var anonymous = app.NewClient();

        foreach (var target in Targets(app))
        {
            using var response = await SendAsync(anonymous, target);
            if (target.Pattern == "/setup")
            {
                Assert.True(RedirectsTo(response, "/account/login"), "setup is closed once a user exists");
            }
            else if (Anonymous.Contains(target.Pattern))
            {
                Assert.False(RedirectsTo(response, "/account/login") || response.StatusCode == HttpStatusCode.Unauthorized, $"{target} must be open");
            }
            else if (target.Pattern.StartsWith("/_blazor", StringComparison.Ordinal))
            {
                // SignalR answers an anonymous negotiate with the cookie's 401, or (for a request it cannot route) not-found → sign-in.
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized || RedirectsTo(response, "/account/login"),
                    $"{target} answered {response.StatusCode} {response.Headers.Location} anonymously");
            }
            else if (target.Pattern == ApiDocument)
            {
                // Machine-read like the API itself: a plain 401, not the people's sign-in page.
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{target} answered {response.StatusCode} {response.Headers.Location} anonymously");
            }
            else if (IsApi(target.Pattern))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{target} answered {response.StatusCode} {response.Headers.Location} anonymously");
            }
            else
            {
                Assert.True(RedirectsTo(response, "/account/login"), $"{target} answered {response.StatusCode} {response.Headers.Location} anonymously");
            }
        }
    }

    [Fact]
    public async Task AnAnalystIsRefusedEveryAdminOnlyEndpointAndReachesEveryAnalystPage()
    {
        await using var app = await AuthApp.StartAsync();
        using var analyst = await app.SignedInClientAsync(AuthApp.AnalystName, AuthApp.AnalystPassword);

        foreach (var target in Targets(app))
        {
            using var response = await SendAsync(analyst, target);
            if (AdminOnly.Contains(target.Pattern))
            {
                Assert.True(RedirectsTo(response, "/account/access-denied") || response.StatusCode == HttpStatusCode.Forbidden,
                    $"{target} answered {response.StatusCode} {response.Headers.Location} to an analyst");
            }
            else if (AnalystPages.Contains(target.Pattern))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{target} answered {response.StatusCode} {response.Headers.Location} to an analyst");
            }
            else if (target.Pattern == ApiDocument)
            {
                // The document is for API key holders; a signed-in person's cookie is not a key.
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{target} answered {response.StatusCode} to an analyst's cookie");
            }
            else if (AnalystDownloads.Contains(target.Pattern))
            {
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{target} answered {response.StatusCode} {response.Headers.Location} to an analyst");
            }
            else if (IsApi(target.Pattern))
            {
                // The REST API takes API keys only: a browser's cookie is no key.
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{target} answered {response.StatusCode} to an analyst's cookie");
            }
        }
    }

    [Fact]
    public async Task AnAdminReachesEveryAdminPage()
    {
        await using var app = await AuthApp.StartAsync();
        using var admin = await app.SignedInClientAsync(AuthApp.AdminName, AuthApp.AdminPassword);

        foreach (var target in Targets(app).Where(t => AdminOnly.Contains(t.Pattern) && !t.Pattern.StartsWith("/connections", StringComparison.Ordinal)))
        {
            using var response = await SendAsync(admin, target);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{target} answered {response.StatusCode} {response.Headers.Location} to an admin");
        }
    }

    [Fact]
    public async Task AReadOnlyApiKeyMayCallEveryGetEndpointAndNoOther()
    {
        await using var app = await AuthApp.StartAsync();
        var key = await app.Get<Web.Auth.ApiKeys>().CreateAsync("reader", AirtableSync.Model.ApiKeyScope.ReadOnly, "test", Token);
        using var client = app.NewClient();

        foreach (var target in Targets(app).Where(t => IsApi(t.Pattern)))
        {
            using var response = await SendAsync(client, target, key.Key);
            if (target.Method == "GET")
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{target} answered {response.StatusCode} to a read-only key");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{target} answered {response.StatusCode} to a read-only key");
            }
        }
    }

    [Fact]
    public async Task StaticAssetsStayPublicForTheSignInPage()
    {
        await using var app = await AuthApp.StartAsync();
        using var anonymous = app.NewClient();

        using var css = await anonymous.GetAsync("/_content/MudBlazor/MudBlazor.min.css", Token);
        using var script = await anonymous.GetAsync("/_framework/blazor.web.js", Token);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
