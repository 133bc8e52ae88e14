using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AirtableSync.Sandbox.PublicApi;
using AirtableSync.Tests.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AirtableSync.Tests.Validation;

/// <summary>
/// Every REST endpoint the running app maps (enumerated from its EndpointDataSource, as EndpointAccessTests does, so
/// a new endpoint is covered without being listed), called with one class of bad text in every route value, query
/// string and JSON field it could read. None may answer 500; every refusal is RFC 7807 problem details; nothing is stored.
/// </summary>
public sealed partial class ApiEndpointBadInputTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Every string field a request body of the API takes (connections, browser sessions, syncs, schedule, pointer).</summary>
    private static readonly string[] BodyFields = ["token", "email", "password", "code", "mode", "incrementalCron", "fullCron", "timeZone", "type"];

    public static readonly TheoryData<string> Cases = ["crlf", "nul", "nonAscii", "overLong"];

    // Route and query values stay well under Kestrel's 8 KB request line, and a body's ten fields under the API's
    // 64 KB body limit, so that the app's rules (not the server's limits) answer them; those limits are tested below.
    // A NUL in the path never reaches the app (Kestrel refuses it, see below), so the path gets the NUL case's other text.
    private static string Value(string name, bool inBody, bool inPath = false) => name switch
    {
        "crlf" => "bad\r\nX-Injected: yes",
        "nul" => inPath ? "bad-value" : "bad\0value",
        "nonAscii" => "caf\u00e9\U0001F600\u201c",
        "overLong" => new string('a', inBody ? 5_000 : 2_000),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [GeneratedRegex(@"\{\**(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task NoEndpointAnswersAServerErrorAndEveryRefusalIsProblemDetails(string name)
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));
        var connectionsBefore = (await context.Store.ListConnectionsAsync(Ct)).Count;
        using var scheduleBefore = await context.Client.GetAsync("/api/v1/schedule", Ct);
        var schedule = await scheduleBefore.Content.ReadAsStringAsync(Ct);
        var endpoints = context.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Pattern: e.RoutePattern.RawText!, Method: m)))
            .ToList();
        var routeValue = Uri.EscapeDataString(Value(name, inBody: false, inPath: true));
        var queryValue = Uri.EscapeDataString(Value(name, inBody: false));
        var body = JsonSerializer.Serialize(BodyFields.ToDictionary(f => f, _ => (object)Value(name, inBody: true))
            .Append(new("baseIds", new[] { Value(name, inBody: true) })).ToDictionary());
        var failures = new List<string>();

        foreach (var (pattern, method) in endpoints)
        {
            var path = Parameter().Replace(pattern, routeValue) + $"?q={queryValue}&cursor={queryValue}";
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }
            using var response = await context.Client.SendAsync(request, Ct);
            var status = (int)response.StatusCode;
            if (status >= 500 || (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                failures.Add($"{method} {pattern}: {status} {response.Content.Headers.ContentType}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/connections/personal-access-token");
        Assert.Contains(endpoints, e => e.Pattern == "/api/v1/browser-sessions/{id}/mfa");
        Assert.Equal(connectionsBefore, (await context.Store.ListConnectionsAsync(Ct)).Count);
        Assert.Empty(await context.Store.ListJobsAsync(10, Ct));
        using var scheduleAfter = await context.Client.GetAsync("/api/v1/schedule", Ct);
        Assert.Equal(schedule, await scheduleAfter.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ANulInThePathIsRefusedByTheServerBeforeAnyEndpointRuns()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1));

        // Kestrel answers 400 itself, without a body, before the app's pipeline: no code of ours can run, so none can store.
        using var response = await context.Client.PostAsync("/api/v1/jobs/job%00/cancel", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await context.Store.ListJobsAsync(10, Ct));
    }

    [Fact]
    public async Task ABodyOverTheApiLimitIsAProblemNotABareStatus()
    {
        await using var context = await ApiTestContext.StartAsync(new SyntheticWorkspaceSpec(1, 1, 1), connectWithConfiguredToken: false);
        var body = JsonSerializer.Serialize(new { token = BadInput.Prefix + new string('a', 70_000) });

        using var response = await context.Client.PostAsync("/api/v1/connections/personal-access-token", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await context.Store.ListConnectionsAsync(Ct));
    }
}
